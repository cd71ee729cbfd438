import { generateKeyPairSync } from 'node:crypto';
import { didKeyOf, didKeyVerificationMethodOf, signJws } from '@lib/vc';
import type { SuccessCallOptions } from './success-answers';

type Call = (method: string, path: string, options?: SuccessCallOptions) => Promise<unknown>;
type Refuse = (
  status: number,
  method: string,
  path: string,
  options?: SuccessCallOptions,
) => Promise<unknown>;

/**
 * The learner presents their credential as a VP-JWT signed with a wallet's did:key, for the challenge and domain the
 * verifier gave: verified; the same presentation for another challenge is a 400 with `verified: false`.
 */
export async function presentationSteps(call: Call, refuse: Refuse, jwt: string): Promise<void> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const options = { challenge: 'journey-nonce-1', domain: 'https://verifier.example.org' };
  const vpJwt = signJws(
    { alg: 'EdDSA', kid: didKeyVerificationMethodOf(publicKey), typ: 'vp+jwt' },
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: didKeyOf(publicKey),
      verifiableCredential: [
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${jwt}`,
        },
      ],
      nonce: options.challenge,
      aud: options.domain,
    },
    privateKey,
  );
  await call('POST', '/presentations/verify', { body: { verifiablePresentation: vpJwt, options } });
  await refuse(400, 'POST', '/presentations/verify', {
    body: { verifiablePresentation: vpJwt, options: { ...options, challenge: 'another-nonce' } },
  });
}
