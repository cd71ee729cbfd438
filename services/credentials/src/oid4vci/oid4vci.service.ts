import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import { decodeCompact, holderKeyOf, jwsSignatureProblem } from '@lib/vc';
import {
  BadRequestException,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { CREDENTIALS_SETTINGS, type CredentialsSettings } from '../credentials-settings';
import { IssuingRepository } from '../issuing/issuing.repository';
import { WalletExchangesService } from '../wallets/wallet-exchanges.service';
import type { Oid4vciOffer } from './oid4vci-offer.schema';
import { Oid4vciOffersRepository } from './oid4vci-offers.repository';

export const PRE_AUTHORISED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
export const CONFIGURATION_ID = 'OpenBadgeCredential_ldp_vc';
const TOKEN_SECONDS = 300;
/** Wrong PINs an offer takes before it is refused for good (a six-digit PIN is not to be guessed). */
const WRONG_CODES_ALLOWED = 3;
const PROOF_TYPE = 'openid4vci-proof+jwt';

/** The offer as the learner sees it: the QR code's text and the PIN to type into the wallet. */
export interface Oid4vciOfferView {
  credentialOffer: Record<string, unknown>;
  credentialOfferUri: string;
  txCode: string;
  expiresAt: string;
}

/**
 * OpenID for Verifiable Credential Issuance, pre-authorised code flow: the learner's one-time offer carries a code,
 * and a PIN they type into the wallet; the wallet trades both for an access token and a nonce at the token
 * endpoint, then asks for the credential with a proof of possession (a JWT signed by its did:key over the nonce),
 * and receives the credential bound to that DID, as the VC-API exchange delivers it.
 */
@Injectable()
export class Oid4vciService {
  constructor(
    private readonly offers: Oid4vciOffersRepository,
    private readonly issuing: IssuingRepository,
    private readonly wallets: WalletExchangesService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(CREDENTIALS_SETTINGS) private readonly settings: Pick<CredentialsSettings, 'walletOfferSeconds'>,
  ) {}

  /** The credential issuer identifier: where its metadata and endpoints live. */
  issuer(): string {
    return `${this.config.publicBaseUrl}/api/credentials/oid4vci`;
  }

  metadata() {
    const issuer = this.issuer();
    return {
      credential_issuer: issuer,
      credential_endpoint: `${issuer}/credential`,
      token_endpoint: `${issuer}/token`,
      credential_configurations_supported: {
        [CONFIGURATION_ID]: {
          format: 'ldp_vc',
          cryptographic_binding_methods_supported: ['did:key'],
          credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
          proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
          credential_definition: {
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            type: ['VerifiableCredential', 'OpenBadgeCredential'],
          },
        },
      },
    };
  }

  /** OAuth authorisation server metadata: this issuer is its own, with the pre-authorised grant only. */
  authorisationServer() {
    return {
      issuer: this.issuer(),
      token_endpoint: `${this.issuer()}/token`,
      grant_types_supported: [PRE_AUTHORISED_GRANT],
      'pre-authorized_grant_anonymous_access_supported': true,
    };
  }

  async offer(actor: Actor, credentialId: string): Promise<Oid4vciOfferView> {
    const credential = await this.issuing.credentialById(credentialId);
    if (!credential || credential.learnerId !== actor.sub)
      throw new NotFoundException(`No credential ${credentialId} of yours.`);
    const createdAt = new Date();
    const offer: Oid4vciOffer = {
      _id: randomBytes(24).toString('base64url'),
      credentialId,
      learnerId: credential.learnerId,
      txCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      wrongCodes: 0,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.settings.walletOfferSeconds * 1000),
    };
    await this.offers.insertOffer(offer);
    const credentialOffer = {
      credential_issuer: this.issuer(),
      credential_configuration_ids: [CONFIGURATION_ID],
      grants: {
        [PRE_AUTHORISED_GRANT]: {
          'pre-authorized_code': offer._id,
          tx_code: { input_mode: 'numeric', length: 6, description: 'The PIN shown beside the QR code' },
        },
      },
    };
    return {
      credentialOffer,
      credentialOfferUri: `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(credentialOffer))}`,
      txCode: offer.txCode,
      expiresAt: offer.expiresAt.toISOString(),
    };
  }

  /** The token endpoint: the code and its PIN, once, for an access token and the nonce to sign. */
  async token(body: Record<string, string | undefined>) {
    if (body.grant_type !== PRE_AUTHORISED_GRANT)
      throw oauthError(400, 'unsupported_grant_type', `Only ${PRE_AUTHORISED_GRANT} is supported.`);
    const code = body['pre-authorized_code'] ?? '';
    const offer = code ? await this.offers.findOffer(code) : null;
    if (!offer) throw oauthError(400, 'invalid_grant', 'No such pre-authorised code.');
    if (offer.expiresAt.getTime() <= Date.now() || offer.wrongCodes >= WRONG_CODES_ALLOWED)
      throw oauthError(400, 'invalid_grant', 'This offer has expired or been refused; make a new one.');
    if (!sameText(body.tx_code ?? '', offer.txCode)) {
      await this.offers.countWrongCode(code);
      throw oauthError(400, 'invalid_grant', 'The PIN (tx_code) is not the one shown with the offer.');
    }
    const accessToken = randomBytes(32).toString('base64url');
    const cNonce = randomBytes(16).toString('base64url');
    const granted = await this.offers.insertGrant({
      _id: code,
      accessTokenHash: hashOf(accessToken),
      cNonce,
      expiresAt: new Date(Date.now() + TOKEN_SECONDS * 1000),
    });
    if (!granted) throw oauthError(400, 'invalid_grant', 'This pre-authorised code has been used already.');
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: TOKEN_SECONDS,
      c_nonce: cNonce,
      c_nonce_expires_in: TOKEN_SECONDS,
    };
  }

  /** The credential endpoint: the access token, and a proof of possession of the key the credential is bound to. */
  async credential(authorization: string | undefined, body: Record<string, unknown>) {
    // A request without a proof is malformed whoever sends it (400); the token is checked next (401).
    const jwt = proofJwtOf(body);
    if (!jwt)
      throw oauthError(
        400,
        'invalid_proof',
        'The proof of possession is missing: send proof: { proof_type: "jwt", jwt }.',
      );
    const [scheme, token] = (authorization ?? '').split(' ');
    const grant =
      scheme?.toLowerCase() === 'bearer' && token ? await this.offers.grantOfToken(hashOf(token)) : null;
    if (!grant || grant.expiresAt.getTime() <= Date.now())
      throw new UnauthorizedException({ message: 'The access token is not valid.', error: 'invalid_token' });
    const holder = this.provenHolder(jwt, grant.cNonce);
    const offer = await this.offers.findOffer(grant._id);
    if (!offer) throw new UnauthorizedException('The access token is not valid.');
    const delivered = await this.wallets.deliverBound(
      { _id: `oid4vci:${offer._id}`, credentialId: offer.credentialId, learnerId: offer.learnerId },
      holder,
    );
    return { credential: delivered, credentials: [{ credential: delivered }] };
  }

  /** The DID whose key signed the proof JWT over this issuer and nonce, or a 400 `invalid_proof`. */
  private provenHolder(jwt: string, cNonce: string): string {
    const refuse = (why: string) => oauthError(400, 'invalid_proof', `The proof of possession ${why}.`);
    const decoded = decodeCompact(jwt);
    if (typeof decoded === 'string') throw refuse(`cannot be read (${decoded})`);
    const { header, payload } = decoded;
    if (header.typ !== PROOF_TYPE) throw refuse(`must have typ ${PROOF_TYPE}`);
    if (header.alg !== 'EdDSA') throw refuse('must be signed EdDSA');
    const key = holderKeyOf(header.kid);
    if (typeof key === 'string') throw refuse(`names no usable did:key (${key})`);
    const signature = jwsSignatureProblem(jwt, 'EdDSA', key.key);
    if (signature) throw refuse(`does not verify: ${signature}`);
    const audiences = [payload.aud].flat();
    if (!audiences.includes(this.issuer())) throw refuse(`is not for this issuer (aud ${this.issuer()})`);
    if (payload.nonce !== cNonce) throw refuse('does not carry the c_nonce of the token response');
    const iat = typeof payload.iat === 'number' ? payload.iat * 1000 : Number.NaN;
    if (!(Math.abs(Date.now() - iat) <= TOKEN_SECONDS * 1000)) throw refuse('has no recent iat');
    return key.did;
  }
}

function proofJwtOf(body: Record<string, unknown>): string | undefined {
  const proof = body.proof as { proof_type?: unknown; jwt?: unknown } | undefined;
  if (proof?.proof_type === 'jwt' && typeof proof.jwt === 'string') return proof.jwt;
  const proofs = body.proofs as { jwt?: unknown } | undefined;
  const first = Array.isArray(proofs?.jwt) ? (proofs.jwt as unknown[])[0] : undefined;
  return typeof first === 'string' ? first : undefined;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An OAuth error (RFC 6749 §5.2): its code in `error`, said in `message`. */
function oauthError(status: number, error: string, message: string): HttpException {
  return status === 400
    ? new BadRequestException({ message, error })
    : new HttpException({ message, error }, status);
}
