import { compactJwtOf, envelopeProblem } from './input';

const VC = 'https://www.w3.org/ns/credentials/v2';
const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln';
const envelope = (over: Record<string, unknown> = {}) => ({
  '@context': [VC],
  type: 'EnvelopedVerifiableCredential',
  id: `data:application/vc+jwt,${JWT}`,
  ...over,
});

describe('the forms a credential arrives in', () => {
  it.each<[string, unknown]>([
    ['the compact JWT', JWT],
    ['its data URL', `data:application/vc+jwt,${JWT}`],
    ['the envelope', envelope()],
    ['the envelope as JSON text', JSON.stringify(envelope())],
    [
      'the envelope with more contexts after the VC 2.0 one',
      envelope({ '@context': [VC, 'https://example.org/x'] }),
    ],
    ['our JSON download', { jwt: JWT, credential: {}, envelope: envelope() }],
    ['our JSON download of before December 2026 (one context string)', envelope({ '@context': VC })],
  ])('finds the JWT in %s', (_, input) => {
    expect(compactJwtOf(input)).toBe(JWT);
    expect(envelopeProblem(input)).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an empty @context', envelope({ '@context': [] }), /@context must be an array beginning with/],
    ['no @context', envelope({ '@context': undefined }), /@context must be an array beginning with/],
    [
      'only the examples context',
      envelope({ '@context': ['https://www.w3.org/ns/credentials/examples/v2'] }),
      /@context must be an array beginning with/,
    ],
    ['the VC 2.0 context second', envelope({ '@context': ['https://example.org/x', VC] }), /@context/],
    ['a bare JWT as id', envelope({ id: JWT }), /id must be a data:application\/vc\+jwt, URL/],
    [
      'an empty data URL',
      envelope({ id: 'data:application/vc+jwt,' }),
      /id must be a data:application\/vc\+jwt, URL/,
    ],
    [
      'another media type',
      envelope({ id: `data:application/jwt,${JWT}` }),
      /id must be a data:application\/vc\+jwt/,
    ],
  ])('refuses an envelope with %s', (_, input, problem) => {
    expect(envelopeProblem(input)).toMatch(problem);
    expect(compactJwtOf(input)).toBeUndefined();
  });
});
