import { loadDevIdentityConfig } from './dev-identity.definition';

describe('the development sign-in provider’s configuration', () => {
  it('serves the web app on the public origin by default, with tokens for the API at most a quarter-hour long', () => {
    expect(loadDevIdentityConfig({ DEV_IDP_DIR: '/tmp/idp' })).toEqual({
      host: '127.0.0.1',
      port: 3005,
      issuer: 'http://localhost:3005',
      keyDirectory: '/tmp/idp',
      enrolmentUrl: 'http://127.0.0.1:3001',
      apiResource: 'http://localhost:3000/api',
      audience: 'credit-bridge',
      accessTokenSeconds: 900,
      webClient: {
        redirectUris: ['http://localhost:3000/app/callback'],
        postLogoutRedirectUris: ['http://localhost:3000/app/'],
      },
      logging: { level: 'info', format: 'pretty' },
    });
  });

  it('takes redirect URIs and the services’ lifetime limit from the environment', () => {
    const config = loadDevIdentityConfig({
      WEB_CLIENT_REDIRECT_URIS: 'http://localhost:5173/callback, http://localhost:3000/app/callback',
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '300',
      DEV_OIDC_ISSUER: 'http://127.0.0.1:4005/',
    });
    expect(config.webClient.redirectUris).toEqual([
      'http://localhost:5173/callback',
      'http://localhost:3000/app/callback',
    ]);
    expect(config.accessTokenSeconds).toBe(300);
    expect(config.issuer).toBe('http://127.0.0.1:4005');
    expect(() => loadDevIdentityConfig({ WEB_CLIENT_REDIRECT_URIS: 'javascript:alert(1)' })).toThrow(
      'WEB_CLIENT_REDIRECT_URIS',
    );
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'NODE_ENV is production'],
    [{ AUTH_JWKS_URL: 'https://login.example.ac.uk/jwks' }, 'AUTH_JWKS_URL or AUTH_ISSUER is set'],
    [{ AUTH_ISSUER: 'https://login.example.ac.uk' }, 'AUTH_JWKS_URL or AUTH_ISSUER is set'],
  ])('refuses to start with %j', (env, message) => {
    expect(() => loadDevIdentityConfig(env)).toThrow(message);
  });
});
