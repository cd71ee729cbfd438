import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  WALLET_DELIVERY_MODEL,
  WALLET_OFFER_MODEL,
  type WalletDelivery,
  type WalletOffer,
} from './wallet-offer.schema';

/** Wallet offers and their deliveries, each read by its exchange id. */
@Injectable()
export class WalletOffersRepository {
  constructor(
    @InjectModel(WALLET_OFFER_MODEL) private readonly offers: Model<WalletOffer>,
    @InjectModel(WALLET_DELIVERY_MODEL) private readonly deliveries: Model<WalletDelivery>,
  ) {}

  insertOffer(offer: WalletOffer): Promise<boolean> {
    return insertOnce(this.offers, offer);
  }

  findOffer(exchangeId: string): Promise<WalletOffer | null> {
    return this.offers.findById(exchangeId).lean<WalletOffer>().exec();
  }

  /** False when the offer has delivered already: one delivery an offer, whichever wallet asked first. */
  insertDelivery(delivery: WalletDelivery): Promise<boolean> {
    return insertOnce(this.deliveries, delivery);
  }

  findDelivery(exchangeId: string): Promise<WalletDelivery | null> {
    return this.deliveries.findById(exchangeId).lean<WalletDelivery>().exec();
  }
}
