import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import {
  type DataIntegrityProof,
  isoSeconds,
  credentialOfOwnJwt,
  type PresentationCheckId,
  type PresentationProofResult,
  verifyPresentationProof,
} from '@lib/vc';
import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CREDENTIALS_SETTINGS, type CredentialsSettings } from '../credentials-settings';
import { IssuersService } from '../issuers/issuers.service';
import { IssuingRepository } from '../issuing/issuing.repository';
import type { WalletOffer } from './wallet-offer.schema';
import { WalletOffersRepository } from './wallet-offers.repository';

const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** An offer as its learner sees it: where a wallet starts the exchange, as a URL, a deep link and a QR-able link. */
export interface WalletOfferView {
  exchangeId: string;
  credentialId: string;
  /** The VC-API exchange: a wallet POSTs `{}` here, then its DIDAuth presentation. */
  exchangeUrl: string;
  /** The wallet request message (what the Learner Credential Wallet reads from its `request` parameter). */
  walletRequest: { credentialRequestOrigin: string; protocols: { vcapi: string } };
  /** Opens the Learner Credential Wallet on this phone (its custom scheme). */
  deepLink: string;
  /** The same as an https link: for the QR code, it opens the wallet when installed, its site otherwise. */
  appLink: string;
  expiresAt: string;
}

/** The exchange's first answer: a W3C Verifiable Presentation Request for DIDAuth. */
export interface DidAuthRequest {
  verifiablePresentationRequest: {
    query: { type: 'DIDAuthentication'; acceptedMethods: { method: string }[] }[];
    challenge: string;
    domain: string;
    interact: { service: { type: string; serviceEndpoint: string }[] };
  };
}

/** The exchange's last answer: a presentation carrying the credential bound to the wallet's DID. */
export interface WalletDeliveryView {
  verifiablePresentation: {
    '@context': string[];
    type: string[];
    verifiableCredential: DeliveredCredential[];
  };
}

/** A credential with its Data Integrity proof, as JSON (the proof's members are open, as the view says). */
export type DeliveredCredential = Record<string, unknown> & {
  '@context': string[];
  proof: DataIntegrityProof & Record<string, unknown>;
};

/** Which part of the presentation each failed check is about. */
const FIELD_OF: Record<PresentationCheckId, string> = {
  'presentation-format': 'verifiablePresentation',
  'presentation-proof': 'verifiablePresentation.proof',
  'holder-key': 'verifiablePresentation.holder',
  challenge: 'verifiablePresentation.proof.challenge',
  domain: 'verifiablePresentation.proof.domain',
  credentials: 'verifiablePresentation.verifiableCredential',
};

/**
 * Sends a learner's credential to their wallet through a W3C VC-API exchange (the flow of the DCC's Learner
 * Credential Wallet): the learner makes a one-time offer that expires; the wallet starts the exchange, is asked for
 * DIDAuth with a challenge and this hub as domain, proves a did:key, and receives the credential bound to that DID
 * (`credentialSubject.id`), signed anew by the awarding body with a Data Integrity proof. Each offer delivers once.
 */
@Injectable()
export class WalletExchangesService {
  private readonly logger = new Logger('WalletExchanges');

  constructor(
    private readonly offers: WalletOffersRepository,
    private readonly issuing: IssuingRepository,
    private readonly issuers: IssuersService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(CREDENTIALS_SETTINGS) private readonly settings: Pick<CredentialsSettings, 'walletOfferSeconds'>,
  ) {}

  async offer(actor: Actor, credentialId: string): Promise<WalletOfferView> {
    const credential = await this.issuing.credentialById(credentialId);
    if (!credential || credential.learnerId !== actor.sub)
      throw new NotFoundException(`No credential ${credentialId} of yours.`);
    const createdAt = new Date();
    const offer: WalletOffer = {
      _id: randomBytes(24).toString('base64url'),
      credentialId,
      learnerId: credential.learnerId,
      awardingBodyId: credential.awardingBodyId,
      challenge: randomUUID(),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.settings.walletOfferSeconds * 1000),
    };
    await this.offers.insertOffer(offer);
    return this.view(offer);
  }

  /** One step of the exchange: `{}` gets the DIDAuth request; a presentation gets the credential. */
  async exchange(exchangeId: string, presentation: unknown): Promise<DidAuthRequest | WalletDeliveryView> {
    const offer = await this.liveOffer(exchangeId);
    if (presentation === undefined) return this.didAuthRequest(offer);
    const proof = await verifyPresentationProof(presentation, {
      challenge: offer.challenge,
      domain: this.domain(),
      // Older Learner Credential Wallet builds sign their DIDAuth as VC Data Model 1.1.
      acceptV1DidAuth: true,
    });
    const holder = this.provenHolder(proof);
    return this.deliver(offer, holder);
  }

  private async liveOffer(exchangeId: string): Promise<WalletOffer> {
    const [offer, delivery] = await Promise.all([
      this.offers.findOffer(exchangeId),
      this.offers.findDelivery(exchangeId),
    ]);
    if (!offer) throw new NotFoundException('No such wallet offer.');
    if (delivery) throw this.used();
    if (offer.expiresAt.getTime() <= Date.now())
      throw new HttpException(
        'This wallet offer has expired; make a new one from your credentials page.',
        HttpStatus.GONE,
      );
    return offer;
  }

  private didAuthRequest(offer: WalletOffer): DidAuthRequest {
    return {
      verifiablePresentationRequest: {
        query: [{ type: 'DIDAuthentication', acceptedMethods: [{ method: 'key' }] }],
        challenge: offer.challenge,
        domain: this.domain(),
        interact: {
          service: [
            { type: 'UnmediatedHttpPresentationService2021', serviceEndpoint: this.exchangeUrl(offer._id) },
          ],
        },
      },
    };
  }

  /** The did:key the presentation proves, or a 422 naming each failed check. */
  private provenHolder(proof: PresentationProofResult): string {
    if (proof.problems.length === 0 && proof.provenHolder) return proof.provenHolder;
    throw new UnprocessableEntityException({
      message: 'The DIDAuth presentation does not prove a DID with the challenge and domain asked for.',
      errors: proof.problems.map((problem) => ({ field: FIELD_OF[problem.check], message: problem.message })),
    });
  }

  /**
   * The learner's credential as issued, bound to the wallet's DID and proved by the body's current Ed25519 key, as
   * its DID (a Data Integrity proof's key must be the issuer's). Its id and status entry stay: revoking the award
   * revokes the wallet's copy. Recorded once; a second wallet racing for the same offer gets the 410.
   */
  private async deliver(offer: WalletOffer, holder: string): Promise<WalletDeliveryView> {
    const credential = await this.deliverBound(offer, holder);
    return {
      verifiablePresentation: {
        '@context': [VC_CONTEXT],
        type: ['VerifiablePresentation'],
        verifiableCredential: [credential],
      },
    };
  }

  /**
   * The credential of an offer, bound to the holder and proved, recorded as that offer's one delivery (`_id`); a
   * second delivery of the same offer is the 410. The OpenID4VCI credential endpoint delivers through here too.
   */
  async deliverBound(
    offer: Pick<WalletOffer, '_id' | 'credentialId' | 'learnerId'>,
    holder: string,
  ): Promise<DeliveredCredential> {
    const issued = await this.issuing.credentialById(offer.credentialId);
    if (!issued) throw new NotFoundException('No such wallet offer.');
    const vc = credentialOfOwnJwt(issued.jwt);
    const deliveredAt = new Date();
    const bound = {
      ...vc,
      '@context': vc['@context'] as string[],
      issuer: { ...(vc.issuer as object), id: this.issuers.issuerDid(issued.awardingBodyId) },
      credentialSubject: { ...(vc.credentialSubject as object), id: holder },
    };
    // Typed as the answer documents it: a credential's JSON with an open proof.
    const credential: DeliveredCredential = await this.issuers.prove(
      issued.awardingBodyId,
      bound as never,
      isoSeconds(deliveredAt),
    );
    const recorded = await this.offers.insertDelivery({
      _id: offer._id,
      credentialId: offer.credentialId,
      learnerId: offer.learnerId,
      holder,
      deliveredAt,
      credentialJson: JSON.stringify(credential),
    });
    if (!recorded) throw this.used();
    this.logger.log(`delivered ${offer.credentialId} to a wallet as ${holder}`);
    return credential;
  }

  private used(): HttpException {
    return new HttpException(
      'This wallet offer has delivered its credential already; make a new one to send it again.',
      HttpStatus.GONE,
    );
  }

  private view(offer: WalletOffer): WalletOfferView {
    const exchangeUrl = this.exchangeUrl(offer._id);
    const walletRequest = { credentialRequestOrigin: this.domain(), protocols: { vcapi: exchangeUrl } };
    const request = encodeURIComponent(JSON.stringify(walletRequest));
    return {
      exchangeId: offer._id,
      credentialId: offer.credentialId,
      exchangeUrl,
      walletRequest,
      deepLink: `dccrequest://request?request=${request}`,
      appLink: `https://lcw.app/request?request=${request}`,
      expiresAt: offer.expiresAt.toISOString(),
    };
  }

  private exchangeUrl(exchangeId: string): string {
    return `${this.config.publicBaseUrl}/api/credentials/exchanges/${exchangeId}`;
  }

  /** The domain a wallet signs: this hub's origin, so a presentation made for another site is refused. */
  private domain(): string {
    return new URL(this.config.publicBaseUrl).origin;
  }
}
