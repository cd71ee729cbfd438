import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { didKeyOf, didKeyVerificationMethodOf, signDataIntegrity, signJws } from '@lib/vc';
import { runJsonScript } from './json-child-process';

/** Signs a VC Data Model 1.1 DIDAuth with Digital Bazaar's @digitalbazaar/vc, as older wallet builds do. */
const V1_DIDAUTH_SCRIPT = join(__dirname, 'independent-didauth-v1-cli.mjs');

const VC = 'https://www.w3.org/ns/credentials/v2';

/** What a VC-API exchange asks a wallet for: DIDAuth, with a challenge and domain, answered at an endpoint. */
export interface PresentationRequest {
  challenge: string;
  domain: string;
  interact: { service: { serviceEndpoint: string }[] };
}

/**
 * A wallet, as the specs play it: a did:key of its own (Ed25519), answering a DIDAuth request with a presentation
 * it signs, as a Data Integrity presentation or a VP-JWT. `asked` may be changed to make the wrong answers.
 */
export function testWallet() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const did = didKeyOf(publicKey);
  const verificationMethod = didKeyVerificationMethodOf(publicKey);
  const presentation = { '@context': [VC], type: ['VerifiablePresentation'], holder: did };
  return {
    did,
    /** A Data Integrity presentation (eddsa-rdfc-2022, proofPurpose authentication). */
    didAuth: (asked: { challenge: string; domain: string }) =>
      signDataIntegrity(presentation, {
        privateKey,
        verificationMethod,
        proofPurpose: 'authentication',
        challenge: asked.challenge,
        domain: asked.domain,
      }),
    /**
     * The DIDAuth as older Learner Credential Wallet builds sign it: VC Data Model 1.1
     * (https://www.w3.org/2018/credentials/v1), Ed25519Signature2020, by @digitalbazaar/vc with this wallet's key.
     */
    didAuthV1: async (asked: { challenge: string; domain: string }) => {
      const seed = privateKey.export({ format: 'jwk' }).d;
      const signed = await runJsonScript<{ did: string; verifiablePresentation: Record<string, any> }>(
        V1_DIDAUTH_SCRIPT,
        { seed, challenge: asked.challenge, domain: asked.domain },
      );
      if (signed.did !== did) throw new Error(`the 1.1 signer made ${signed.did}, not the wallet's ${did}`);
      return signed.verifiablePresentation;
    },
    /** An OpenID4VCI proof of possession: a JWT over the issuer (`aud`) and the token response's `c_nonce`. */
    proofOfPossession: (issuer: string, nonce: string) =>
      signJws(
        { alg: 'EdDSA', kid: verificationMethod, typ: 'openid4vci-proof+jwt' },
        { aud: issuer, nonce, iat: Math.floor(Date.now() / 1000) },
        privateKey,
      ),
    /** The same as a VP-JWT: `nonce` the challenge, `aud` the domain. */
    didAuthJwt: (asked: { challenge: string; domain: string }) =>
      signJws(
        { alg: 'EdDSA', kid: verificationMethod, typ: 'vp+jwt' },
        { ...presentation, iss: did, nonce: asked.challenge, aud: asked.domain },
        privateKey,
      ),
  };
}
