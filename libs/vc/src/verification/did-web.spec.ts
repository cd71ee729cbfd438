import { didWebDocumentUrl, didWebProblem } from './did-web';

describe('did:web to its DID document URL (did:web Method Specification, Read)', () => {
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000', 'https://example.com:3000/.well-known/did.json'],
    ['did:web:example.com%3a3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
    [
      'did:web:localhost%3A8443:api:credentials:issuers:7',
      'https://localhost:8443/api/credentials/issuers/7/did.json',
    ],
    ['did:web:Example.COM', 'https://example.com/.well-known/did.json'],
    ['did:web:example.com:a%20b', 'https://example.com/a%20b/did.json'],
  ])('%s resolves to %s', (did, url) => {
    expect(didWebDocumentUrl(did)).toBe(url);
    expect(didWebProblem(did)).toBeUndefined();
  });

  it.each([
    ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', /does not start with did:web:/],
    ['did:web:', /not a host name/],
    ['did:web:example.com#key-1', /no path, query or fragment/],
    ['did:web:example.com?service=x', /no path, query or fragment/],
    ['did:web:example.com/user', /no path, query or fragment/],
    ['did:web:127.0.0.1', /never an IP address/],
    ['did:web:10.0.0.1%3A8443', /never an IP address/],
    ['did:web:[::1]', /not a host name/],
    ['did:web:example.com%3A0', /0 is not a port/],
    ['did:web:example.com%3A70000', /70000 is not a port/],
    ['did:web:example.com%3Ahttp', /not a host name/],
    ['did:web:user%40example.com', /not a host name/],
    ['did:web:-bad-.example', /not a host name/],
    ['did:web:example.com%ZZ', /not a host name/],
    ['did:web:example.com::alice', /path segment/],
    ['did:web:example.com:..:admin', /path segment/],
    ['did:web:example.com:a%2Fb', /path segment/],
  ])('refuses %s', (did, why) => {
    expect(() => didWebDocumentUrl(did)).toThrow(why);
    expect(didWebProblem(did)).toMatch(why);
  });
});
