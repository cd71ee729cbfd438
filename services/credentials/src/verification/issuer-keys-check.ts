import {
  assertionKeyOf,
  assertionMethodIds,
  didWebDocumentUrl,
  HttpSource,
  ISSUER_KEYS,
  KEY_DOCUMENT_ACCEPT,
  OutboundFetchError,
} from '@lib/vc';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { REMOTE_DOCUMENTS } from './remote-documents.provider';

/**
 * Before an issuer goes on a trust list, its JWK set (or a did:web's DID document) is fetched the way verification
 * will fetch it. The answer never reaches the caller: only whether the URL is at an address this service refuses to
 * fetch from (which depends on its name's addresses alone, not on any answer), or else that the keys could not be
 * fetched or read.
 */
@Injectable()
export class IssuerKeysCheck {
  constructor(@Inject(REMOTE_DOCUMENTS) private readonly documents: HttpSource) {}

  async requirePublishedKeys(jwksUrl: string): Promise<void> {
    const text = await this.fetched(jwksUrl, undefined, JWKS_URL);
    if (!hasKeys(text)) throw unusable(JWKS_URL, 'does not give a JWK set with at least one key');
  }

  /** A did:web issuer's DID document must be its own and give at least one key for assertions. */
  async requireDidDocument(did: string): Promise<void> {
    const text = await this.fetched(didWebDocumentUrl(did), KEY_DOCUMENT_ACCEPT, DID_WEB);
    if (!hasAssertionKey(text, did))
      throw unusable(DID_WEB, 'does not resolve to a DID document of its own with a key for assertions');
  }

  private async fetched(url: string, accept: string | undefined, what: KeysSource): Promise<string> {
    try {
      return await this.documents.text(url, ISSUER_KEYS, accept);
    } catch (error) {
      const cause = (error as Error).cause;
      throw unusable(
        what,
        cause instanceof OutboundFetchError && cause.failure === 'refused' && !cause.afterRedirect
          ? 'is not an address this service fetches from: it is inside a private network, not on the internet'
          : `the issuer’s keys could not be fetched from ${what.where}`,
      );
    }
  }
}

/** Where an issuer's keys are checked, as a refusal names it. */
interface KeysSource {
  field: 'jwksUrl' | 'issuerId';
  message: string;
  where: string;
}

const JWKS_URL: KeysSource = {
  field: 'jwksUrl',
  message: 'The issuer’s keys could not be fetched from the JWKS URL given.',
  where: 'it',
};

const DID_WEB: KeysSource = {
  field: 'issuerId',
  message: 'The issuer’s keys could not be fetched from the DID document its did:web resolves to.',
  where: 'its DID document',
};

function unusable(what: KeysSource, problem: string): UnprocessableEntityException {
  return new UnprocessableEntityException({
    message: what.message,
    errors: [{ field: what.field, message: problem }],
  });
}

function hasAssertionKey(text: string, did: string): boolean {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return false;
  }
  return assertionMethodIds(document, did).some((id) => 'key' in assertionKeyOf(document, did, id));
}

function hasKeys(text: string): boolean {
  try {
    const keys = (JSON.parse(text) as { keys?: unknown }).keys;
    return Array.isArray(keys) && keys.some((key: { kty?: unknown }) => typeof key?.kty === 'string');
  } catch {
    return false;
  }
}
