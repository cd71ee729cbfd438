import { statusListAcceptFor } from '@lib/vc';
import { statusListMediaOf } from './status-list-media';

describe('the status list form an Accept header asks for', () => {
  it.each([
    [undefined, 'application/vc+jwt'],
    ['', 'application/vc+jwt'],
    ['*/*', 'application/vc+jwt'],
    ['text/html', 'application/vc+jwt'],
    ['application/vc+jwt', 'application/vc+jwt'],
    ['application/vc', 'application/vc'],
    ['application/json', 'application/json'],
    ['application/ld+json, application/json;q=0.9', 'application/json'],
    ['application/vc+jwt;q=0.5, application/vc', 'application/vc'],
    ['application/json, application/vc+jwt', 'application/json'],
    ['application/vc;q=0, application/vc+jwt', 'application/vc+jwt'],
    ['APPLICATION/VC', 'application/vc'],
  ])('%s: %s', (accept, media) => {
    expect(statusListMediaOf(accept)).toBe(media);
  });

  it('gives another Credit Bridge hub’s verifier the form it asks for first: the VC-JWT of a URL issuer, the JSON of a DID', () => {
    expect(statusListMediaOf(statusListAcceptFor('https://hub.example/api/credentials/issuers/7'))).toBe(
      'application/vc+jwt',
    );
    expect(statusListMediaOf(statusListAcceptFor('did:web:hub.example:api:credentials:issuers:7'))).toBe(
      'application/vc',
    );
  });
});
