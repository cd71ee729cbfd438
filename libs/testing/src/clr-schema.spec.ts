import { clrSchemaProblems } from './clr-schema';

/** The CLR 2.0 schema refuses what the data model forbids, so a spec passing it means something. */
describe('the CLR 2.0 JSON Schema', () => {
  const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJhIjoxfQ.c2lnbmF0dXJl';
  const record = () => ({
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:5a2f6c1e-0c1a-4a52-9a53-0c0f7a1c9e11',
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: 'https://hub.example/issuers/1', type: ['Profile'], name: 'University' },
    name: 'Comprehensive Learner Record',
    validFrom: '2026-12-01T10:00:00Z',
    credentialSubject: {
      type: ['ClrSubject'],
      verifiableCredential: [
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${jwt}`,
        },
      ],
      association: [
        { type: 'Association', associationType: 'isPartOf', sourceId: 'urn:a:1', targetId: 'urn:a:2' },
      ],
    },
  });

  it('accepts a record that follows the data model', () => {
    expect(clrSchemaProblems(record())).toEqual([]);
  });

  it.each([
    ['without a name', (r: any) => delete r.name],
    ['without ClrCredential in its type', (r: any) => (r.type = ['VerifiableCredential'])],
    ['with the CLR context missing', (r: any) => r['@context'].splice(1, 1)],
    ['holding no credentials', (r: any) => (r.credentialSubject.verifiableCredential = [])],
    [
      'holding a credential that is neither enveloped nor an AchievementCredential',
      (r: any) =>
        (r.credentialSubject.verifiableCredential = [{ type: 'EnvelopedVerifiableCredential', id: 'x' }]),
    ],
    [
      'with an association of an unknown type',
      (r: any) => (r.credentialSubject.association[0].associationType = 'countsToward'),
    ],
    ['with an association without a target', (r: any) => delete r.credentialSubject.association[0].targetId],
    [
      'with two status entries',
      (r: any) =>
        (r.credentialStatus = [
          { id: 'urn:a', type: 'X' },
          { id: 'urn:b', type: 'X' },
        ]),
    ],
  ])('refuses a record %s', (_name, change) => {
    const broken = record();
    change(broken);
    expect(clrSchemaProblems(broken)).not.toEqual([]);
  });
});
