import { publicKeyOfDidKey } from '../data-integrity/did-key';
import { VC_V1_CONTEXT } from '../data-integrity/document-loader';
import type { KeyObject } from 'node:crypto';

const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** The most credentials one presentation may carry: each is verified in full. */
export const MAX_PRESENTED_CREDENTIALS = 50;

export interface PresentationContent {
  /** The holder's id, when the presentation names one. */
  holder?: string;
  credentials: unknown[];
}

/**
 * What a W3C VerifiablePresentation (VC Data Model 2.0) carries, or in words why it is not one. With `v1DidAuth`,
 * a VC Data Model 1.1 presentation is read too, as a DIDAuth only: it may carry no credentials.
 */
export function presentationContentOf(
  presentation: Record<string, unknown>,
  { v1DidAuth = false }: { v1DidAuth?: boolean } = {},
): PresentationContent | string {
  const context = presentation['@context'];
  if (v1DidAuth && isVcV1Presentation(presentation)) {
    if (presentation.verifiableCredential !== undefined)
      return `A VC Data Model 1.1 presentation (${VC_V1_CONTEXT}) is accepted as a DIDAuth only, carrying no credentials.`;
  } else if (!Array.isArray(context) || context[0] !== VC_CONTEXT)
    return `A presentation's @context must be an array beginning with ${VC_CONTEXT}.`;
  if (![presentation.type].flat().includes('VerifiablePresentation'))
    return "A presentation's type must include VerifiablePresentation.";
  const holder = holderOf(presentation.holder);
  if (holder === null) return "The presentation's holder must be an id, or an object with one.";
  const inner = presentation.verifiableCredential;
  const credentials = inner === undefined ? [] : [inner].flat();
  if (credentials.length > MAX_PRESENTED_CREDENTIALS)
    return `A presentation may carry at most ${MAX_PRESENTED_CREDENTIALS} credentials; this carries ${credentials.length}.`;
  return { ...(holder === undefined ? {} : { holder }), credentials };
}

/** Whether a presentation is a VC Data Model 1.1 one: its @context (an array) begins with the 1.1 context. */
export function isVcV1Presentation(presentation: Record<string, unknown>): boolean {
  const context = presentation['@context'];
  return Array.isArray(context) && context[0] === VC_V1_CONTEXT;
}

/** The holder's id; undefined for none, null for a holder that is neither an id nor an object with one. */
function holderOf(holder: unknown): string | undefined | null {
  if (holder === undefined) return undefined;
  if (typeof holder === 'string' && holder) return holder;
  if (holder === null || typeof holder !== 'object') return null;
  const id = (holder as { id?: unknown }).id;
  return typeof id === 'string' && id ? id : null;
}

/**
 * The key of a did:key verification method (what wallets sign presentations with: Ed25519, or P-256 or P-384 for
 * ecdsa-rdfc-2019), or why it cannot be used: other DID methods and key URLs are not resolved for holders.
 */
export function holderKeyOf(verificationMethod: unknown): { key: KeyObject; did: string } | string {
  if (typeof verificationMethod !== 'string' || !verificationMethod.startsWith('did:key:'))
    return `The presentation must be signed with a did:key verification method; ${String(verificationMethod)} is not one.`;
  try {
    return { key: publicKeyOfDidKey(verificationMethod), did: verificationMethod.split('#')[0]! };
  } catch (error) {
    return `The verification method cannot be used: ${(error as Error).message}.`;
  }
}

/** A named holder must be the DID whose key made the proof. */
export function holderKeyProblem(holder: string | undefined, did: string): string | undefined {
  return holder === undefined || holder === did
    ? undefined
    : `The proof was made with ${did}'s key, not the holder's (${holder}).`;
}
