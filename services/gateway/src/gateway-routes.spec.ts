import type { Request } from 'express';
import { gatewayRouteLabel } from './gateway-routes';

const request = (originalUrl: string, route?: string) =>
  ({ originalUrl, baseUrl: '', ...(route ? { route: { path: route } } : {}) }) as unknown as Request;

describe('the gateway route label', () => {
  it.each([
    ['/api/credentials/credentials/urn:uuid:0f8b1c9e?x=1', '/api/credentials/*'],
    ['/api/enrolment', '/api/enrolment/*'],
    ['/.well-known/jwks.json', '/.well-known/*'],
    ['/app/assets/index-abc123.js', '/app/assets/*'],
    ['/app/learner/credentials/0f8b1c9e', '/app/*'],
    ['/assets/site.css', '/assets/*'],
    ['/api/enrolmentx/1', '(unmatched)'],
    ['/no/such/page/42', '(unmatched)'],
  ])('labels %s as %s', (url, label) => {
    expect(gatewayRouteLabel(request(url))).toBe(label);
  });

  it('labels its own routes by their pattern', () => {
    expect(gatewayRouteLabel(request('/verify/abc', '/verify/:token'))).toBe('/verify/:token');
  });
});
