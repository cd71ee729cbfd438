import type { KeyObject } from 'node:crypto';
import { cryptosuiteOf, publicKeyOfDidKey, SUPPORTED_PROOFS, verifyDataIntegrity } from '../data-integrity';
import { asObject, type JsonObject } from '../json-reading';
import { checkContent, issuerIdOf, trustCheck } from './content-checks';
import type { VerificationContext } from './context';
import type { Report } from './report';
import type { VerifyOptions } from './verify-credential';

/** A credential with an embedded proof (Data Integrity), rather than a JWT's signature. */
export function hasEmbeddedProof(input: unknown): input is JsonObject {
  return input !== null && typeof input === 'object' && !Array.isArray(input) && 'proof' in input;
}

/**
 * A credential secured with a Data Integrity proof (eddsa-rdfc-2022, ecdsa-rdfc-2019 or Ed25519Signature2020): the proof's verification method must be a key
 * of the issuer (its DID document's, or the did:key the issuer is), and the proof must cover the whole document.
 */
export async function verifyWithProof(
  credential: JsonObject,
  context: VerificationContext,
  report: Report,
  now: Date,
  options: VerifyOptions,
): Promise<void> {
  const proof = asObject(credential.proof);
  report.record('format', 'passed', 'A credential with an embedded Data Integrity proof.');
  const suite = cryptosuiteOf(proof);
  report.record(
    'header',
    suite ? 'passed' : 'failed',
    suite
      ? `${suite.label}.`
      : `The proof ${JSON.stringify(proof.type)} ${JSON.stringify(proof.cryptosuite)} is not one we check (${SUPPORTED_PROOFS}).`,
  );
  if (!suite) return;
  const issuerId = issuerIdOf(credential);
  if (!(await report.run('trust', () => trustCheck(context, issuerId)))) return;
  const method = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : '';
  let key: KeyObject | undefined;
  await report.run('key', async () => {
    key = method.startsWith('did:key:')
      ? didKeyOfIssuer(method, issuerId)
      : await context.resolveKey(method, issuerId);
    return key
      ? ['passed', `${method} is a key of the issuer.`]
      : ['failed', `${method} is not a key of ${issuerId}.`];
  });
  if (!key) return;
  const found = key;
  const checked = await verifyDataIntegrity(credential, () => Promise.resolve(found), { now });
  report.record(
    'signature',
    checked.verified ? 'passed' : 'failed',
    checked.verified
      ? 'The proof matches: nothing was changed after signing.'
      : `The proof does not verify (${checked.problem}).`,
  );
  if (!checked.verified) return;
  report.record('claims', 'skipped', 'No JWT claims: the proof covers the whole credential.');
  await checkContent(credential, issuerId, context, report, now, options);
}

/** A did:key verification method names its own key, and is the issuer's only when the issuer is that did:key. */
function didKeyOfIssuer(method: string, issuerId: string): KeyObject | undefined {
  if (method.split('#')[0] !== issuerId) return undefined;
  try {
    return publicKeyOfDidKey(method);
  } catch {
    return undefined;
  }
}
