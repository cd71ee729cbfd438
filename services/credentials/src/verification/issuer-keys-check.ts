import { HttpSource, ISSUER_KEYS, OutboundFetchError } from '@lib/vc';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { REMOTE_DOCUMENTS } from './remote-documents.provider';

/**
 * Before an issuer goes on a trust list, its JWK set is fetched the way verification will fetch it. The answer never
 * reaches the caller: only whether the URL given is at an address this service refuses to fetch from (which depends
 * on its name's addresses alone, not on any answer), or else that the keys could not be fetched or read.
 */
@Injectable()
export class IssuerKeysCheck {
  constructor(@Inject(REMOTE_DOCUMENTS) private readonly documents: HttpSource) {}

  async requirePublishedKeys(jwksUrl: string): Promise<void> {
    let text: string;
    try {
      text = await this.documents.text(jwksUrl, ISSUER_KEYS);
    } catch (error) {
      const cause = (error as Error).cause;
      throw unusable(
        cause instanceof OutboundFetchError && cause.failure === 'refused' && !cause.afterRedirect
          ? 'is not an address this service fetches from: it is inside a private network, not on the internet'
          : 'the issuer’s keys could not be fetched from it',
      );
    }
    if (!hasKeys(text)) throw unusable('does not give a JWK set with at least one key');
  }
}

function unusable(problem: string): UnprocessableEntityException {
  return new UnprocessableEntityException({
    message: 'The issuer’s keys could not be fetched from the JWKS URL given.',
    errors: [{ field: 'jwksUrl', message: problem }],
  });
}

function hasKeys(text: string): boolean {
  try {
    const keys = (JSON.parse(text) as { keys?: unknown }).keys;
    return Array.isArray(keys) && keys.some((key: { kty?: unknown }) => typeof key?.kty === 'string');
  } catch {
    return false;
  }
}
