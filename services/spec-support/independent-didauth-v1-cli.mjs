// A DIDAuth presentation as older Learner Credential Wallet builds make one (issue 16): VC Data Model 1.1
// (https://www.w3.org/2018/credentials/v1, type VerifiablePresentation), signed with Ed25519Signature2020 for
// proofPurpose authentication, by Digital Bazaar's @digitalbazaar/vc (what the wallet itself uses), which no runtime
// code imports. ESM-only, so it runs as its own Node process; its contexts come from npm packages, nothing fetched.
// It reads `{seed, challenge, domain}` as JSON on stdin (`seed`: the wallet's Ed25519 private key, base64url) and
// prints `{did, verifiablePresentation}`.
import { Buffer } from 'node:buffer';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { createPresentation, signPresentation } from '@digitalbazaar/vc';
import { contexts as ed25519Signature2020Contexts } from 'ed25519-signature-2020-context';

const CONTEXTS = new Map(
  [credentialsContexts, ed25519Signature2020Contexts].flatMap((contexts) => [...contexts]),
);

async function documentLoader(url) {
  const document = CONTEXTS.get(url);
  if (!document) throw new Error(`${url} is not a bundled context, and this wallet fetches nothing`);
  return { contextUrl: null, documentUrl: url, document };
}

let text = '';
for await (const chunk of process.stdin) text += chunk;
const { seed, challenge, domain } = JSON.parse(text);

const key = await Ed25519VerificationKey2020.generate({ seed: Buffer.from(seed, 'base64url') });
const did = `did:key:${key.fingerprint()}`;
key.controller = did;
key.id = `${did}#${key.fingerprint()}`;
const presentation = createPresentation({ holder: did, version: 1.0 });
const verifiablePresentation = await signPresentation({
  presentation,
  suite: new Ed25519Signature2020({ key }),
  challenge,
  domain,
  documentLoader,
});
process.stdout.write(JSON.stringify({ did, verifiablePresentation }));
