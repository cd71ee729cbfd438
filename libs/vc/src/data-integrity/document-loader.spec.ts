import { canonicalise } from './canonicalise';
import { BUNDLED_CONTEXT_URLS, bundledDocumentLoader, didAuthV1DocumentLoader } from './document-loader';

const EXPECTED = [
  'https://www.w3.org/ns/credentials/v2',
  'https://w3id.org/security/data-integrity/v2',
  'https://w3id.org/security/multikey/v1',
  'https://w3id.org/security/suites/ed25519-2020/v1',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://www.w3.org/ns/credentials/undefined-terms/v2',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
];

describe('bundledDocumentLoader', () => {
  it('serves each bundled context from its package', async () => {
    expect([...BUNDLED_CONTEXT_URLS].sort()).toEqual([...EXPECTED].sort());
    for (const url of EXPECTED) {
      const remote = await bundledDocumentLoader(url);
      expect(remote).toEqual({ contextUrl: null, documentUrl: url, document: expect.any(Object) });
      expect((remote.document as Record<string, unknown>)['@context']).toEqual(expect.any(Object));
      expect(Object.isFrozen(remote.document)).toBe(true);
    }
  });

  it('serves the documents those URLs publish', async () => {
    const vc = (await bundledDocumentLoader(EXPECTED[0]!)).document as any;
    expect(vc['@context'].VerifiableCredential['@id']).toBe(
      'https://www.w3.org/2018/credentials#VerifiableCredential',
    );
    const ob = (await bundledDocumentLoader(EXPECTED[4]!)).document as any;
    expect(ob['@context'].OpenBadgeCredential['@id']).toBe(
      'https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential',
    );
    const clr = (await bundledDocumentLoader(EXPECTED[6]!)).document as any;
    expect(clr['@context'].ClrSubject['@context'].verifiableCredential['@id']).toBe(
      'https://purl.imsglobal.org/spec/vc/clr/vocab.html#verifiableCredential',
    );
    const multikey = (await bundledDocumentLoader(EXPECTED[2]!)).document as any;
    expect(multikey['@context'].Multikey['@id']).toBe('https://w3id.org/security#Multikey');
  });

  it.each([
    'https://www.w3.org/2018/credentials/v1',
    'http://www.w3.org/ns/credentials/v2',
    'https://www.w3.org/ns/credentials/v2/',
    'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
    'https://attacker.example/context.json',
  ])('refuses %s, naming it', async (url) => {
    await expect(bundledDocumentLoader(url)).rejects.toThrow(`JSON-LD document ${url} is not bundled`);
  });

  it('leaves a document with an unbundled context uncanonicalised', async () => {
    const document = { '@context': 'https://attacker.example/context.json', name: 'x' };
    await expect(canonicalise(document, bundledDocumentLoader)).rejects.toThrow(/attacker\.example/);
  });

  it('serves VC Data Model 1.1’s context to older wallets’ DIDAuth only, from its package', async () => {
    const v1 = 'https://www.w3.org/2018/credentials/v1';
    const remote = await didAuthV1DocumentLoader(v1);
    expect((remote.document as any)['@context'].VerifiablePresentation['@id']).toBe(
      'https://www.w3.org/2018/credentials#VerifiablePresentation',
    );
    expect(Object.isFrozen(remote.document)).toBe(true);
    await expect(didAuthV1DocumentLoader(EXPECTED[0]!)).resolves.toMatchObject({ documentUrl: EXPECTED[0] });
    await expect(didAuthV1DocumentLoader('https://attacker.example/context.json')).rejects.toThrow(
      /not bundled/,
    );
    await expect(bundledDocumentLoader(v1)).rejects.toThrow(`JSON-LD document ${v1} is not bundled`);
  });
});
