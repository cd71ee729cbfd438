import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { achievementCredential, profile } from '../achievement-credential';
import { CLR_CONTEXTS } from '../contexts';
import { generateSigningKey } from '../keys';
import { statusEntry } from '../status-list';
import { ISSUER, sampleCredentialInput } from '../testing/sample-credential';
import { envelope, signCredential } from '../vc-jwt';
import { didKeyOf, didKeyVerificationMethodOf, publicKeyOfDidKey } from './did-key';
import { signDataIntegrity } from './sign-data-integrity';
import { verifyDataIntegrity } from './verify-data-integrity';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const verificationMethod = didKeyVerificationMethodOf(publicKey);
const resolveDidKey = (method: string): Promise<KeyObject> => Promise.resolve(publicKeyOfDidKey(method));

/** A ClrCredential shaped as the credentials service builds one: enveloped VC-JWTs, achievements, associations. */
function learnerRecord() {
  const jwtKey = generateSigningKey('ES256');
  const signer = { algorithm: 'ES256' as const, kid: `${ISSUER}/keys/1`, privateKey: jwtKey.privateKeyPem };
  const held = achievementCredential(sampleCredentialInput());
  const moduleId = 'urn:credit-bridge:programme:p1:module:DH7001';
  return {
    '@context': [...CLR_CONTEXTS],
    id: 'urn:uuid:33333333-3333-4333-8333-333333333333',
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: profile({ id: didKeyOf(publicKey), name: 'University of Leeds' }),
    name: 'Comprehensive Learner Record of Ada Lovelace from University of Leeds',
    validFrom: '2026-12-11T10:00:00Z',
    awardedDate: '2026-12-11T10:00:00Z',
    partial: false,
    credentialSubject: {
      id: 'urn:uuid:44444444-4444-4444-8444-444444444444',
      type: ['ClrSubject'],
      identifier: held.credentialSubject.identifier,
      verifiableCredential: [envelope(signCredential(held, signer))],
      achievement: [
        held.credentialSubject.achievement,
        { id: moduleId, type: ['Achievement'], name: 'MSC-DH module DH7001', creditsAvailable: 15 },
      ],
      association: [
        {
          type: 'Association',
          associationType: 'isPartOf',
          sourceId: held.credentialSubject.achievement.id,
          targetId: moduleId,
        },
      ],
    },
    credentialStatus: statusEntry('https://hub.example/status-lists/1-revocation-1', 7, 'revocation'),
  };
}

describe('a CLR 2.0 learner record with a Data Integrity proof', () => {
  it('vendors the CLR 2.0 context byte for byte as published', () => {
    const file = readFileSync(join(__dirname, 'contexts', 'clr-v2p0-context-2.0.1.json'));
    expect(createHash('sha256').update(file).digest('hex')).toBe(
      '880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6',
    );
  });

  it('verifies what is signed with the bundled CLR context; a changed association or held credential fails', async () => {
    const signed = await signDataIntegrity(learnerRecord(), {
      privateKey,
      verificationMethod,
      created: '2026-12-11T10:00:00Z',
    });
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toEqual({ verified: true });

    const moved = structuredClone(signed);
    moved.credentialSubject.association[0]!.targetId = 'urn:credit-bridge:programme:p1:module:OTHER';
    await expect(verifyDataIntegrity(moved, resolveDidKey)).resolves.toMatchObject({ verified: false });

    const swapped = structuredClone(signed);
    swapped.credentialSubject.verifiableCredential[0]!.id += 'x';
    await expect(verifyDataIntegrity(swapped, resolveDidKey)).resolves.toMatchObject({ verified: false });

    const partial = structuredClone(signed);
    partial.partial = true;
    await expect(verifyDataIntegrity(partial, resolveDidKey)).resolves.toMatchObject({ verified: false });
  });
});
