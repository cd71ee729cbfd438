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
});
