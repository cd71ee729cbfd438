import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  OID4VCI_GRANT_MODEL,
  OID4VCI_OFFER_MODEL,
  type Oid4vciGrant,
  type Oid4vciOffer,
} from './oid4vci-offer.schema';

/** OpenID4VCI offers (by pre-authorised code) and the grants made of them (by code, or by access token). */
@Injectable()
export class Oid4vciOffersRepository {
  constructor(
    @InjectModel(OID4VCI_OFFER_MODEL) private readonly offers: Model<Oid4vciOffer>,
    @InjectModel(OID4VCI_GRANT_MODEL) private readonly grants: Model<Oid4vciGrant>,
  ) {}

  insertOffer(offer: Oid4vciOffer): Promise<boolean> {
    return insertOnce(this.offers, offer);
  }

  findOffer(code: string): Promise<Oid4vciOffer | null> {
    return this.offers.findById(code).lean<Oid4vciOffer>().exec();
  }

  /** Counts one wrong PIN; the offer as it is now. */
  async countWrongCode(code: string): Promise<Oid4vciOffer | null> {
    return this.offers
      .findByIdAndUpdate(code, { $inc: { wrongCodes: 1 } }, { new: true })
      .lean<Oid4vciOffer>()
      .exec();
  }

  /** False when the code was exchanged already. */
  insertGrant(grant: Oid4vciGrant): Promise<boolean> {
    return insertOnce(this.grants, grant);
  }

  grantOfToken(accessTokenHash: string): Promise<Oid4vciGrant | null> {
    return this.grants.findOne({ accessTokenHash }).lean<Oid4vciGrant>().exec();
  }
}
