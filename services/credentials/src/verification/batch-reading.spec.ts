import { compactJwtOf } from '@lib/vc';
import { forVerification, MAX_JSON_VALUES, readBatchFile, readBatchJson } from './batch-reading';

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const json = (value: unknown) => bytes(JSON.stringify(value));
const enveloped = (jwt: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: 'EnvelopedVerifiableCredential',
  id: `data:application/vc+jwt,${jwt}`,
});

describe('reading a batch file', () => {
  it('takes the first column of each line, skipping blank lines and a header', () => {
    expect(readBatchFile(bytes('jwt,name\r\na.b.c,Ada\n\n  "d.e.f" ,x\n,g.h.i\n\t\nj.k.l'))).toEqual({
      credentials: ['a.b.c', 'd.e.f', 'j.k.l'].map(enveloped),
    });
  });

  it.each([
    ['nothing', '', 'holds no credentials'],
    ['8 million blank lines', '\n'.repeat(8_000_000), 'holds no credentials'],
    ['1,001 credentials', 'a.b.c\n'.repeat(1001), 'holds more than 1000 credentials; at most 1000'],
  ])('says what is wrong with a file of %s', (_case, text, problem) => {
    expect(readBatchFile(bytes(text))).toEqual({ fileProblem: problem });
  });
});

describe('reading a JSON batch', () => {
  it('validates it as the schema says and hands each credential on in its enveloped form', () => {
    expect(
      readBatchJson(
        json({ credentials: ['a.b.c', { jwt: 'd.e.f' }, { name: 'x' }], holderEmail: 'a@b.example' }),
      ),
    ).toEqual({
      credentials: [enveloped('a.b.c'), enveloped('d.e.f'), {}],
      holderEmail: 'a@b.example',
    });
  });

  it('says when the body is not JSON', () => {
    expect(readBatchJson(bytes('{"credentials": ['))).toEqual({
      bodyProblem: expect.stringMatching(/^is not valid JSON: /),
    });
  });

  it('refuses, unparsed, a body with more values than any batch needs', () => {
    const many = `{"credentials":[${'{},'.repeat(MAX_JSON_VALUES / 2)}{}]}`;
    expect(readBatchJson(bytes(many))).toEqual({
      bodyProblem: 'holds more than 200,000 objects, arrays, keys and items',
    });
  });

  it('answers the schema’s problems as issues to name the fields, at most 100 of them', () => {
    expect(readBatchJson(json({ credentials: [], extra: 1 }))).toEqual({
      issues: [
        expect.objectContaining({ path: ['credentials'], message: 'send at least one credential' }),
        expect.objectContaining({ code: 'unrecognized_keys', path: [], keys: ['extra'] }),
      ],
    });
    const reading = readBatchJson(json({ credentials: Array.from({ length: 500 }, () => 7) }));
    expect('issues' in reading && reading.issues).toHaveLength(100);
  });

  it('refuses more than 1,000 credentials after looking at no more than 1,001 of them', () => {
    const reading = readBatchJson(
      json({ credentials: [...Array.from({ length: 1001 }, () => 'a.b.c'), 7, 7] }),
    );
    expect(reading).toEqual({
      issues: [
        expect.objectContaining({ path: ['credentials'], message: 'at most 1,000 credentials in one batch' }),
      ],
    });
  });
});

describe('a credential in its enveloped form', () => {
  const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln';
  it.each([
    ['a JWT', jwt],
    ['a JWT with whitespace around it', `\n ${jwt} \t`],
    ['a data URL', `data:application/vc+jwt,${jwt}`],
    ['a data URL with a space after the comma', `data:application/vc+jwt, ${jwt}`],
    ['a data URL inside a data URL', `data:application/vc+jwt,data:application/vc+jwt,${jwt}`],
    ['our JSON download, as text', JSON.stringify({ jwt, credential: {} })],
    ['JSON text whose jwt is itself JSON text', JSON.stringify({ jwt: JSON.stringify({ jwt }) })],
    ['text that starts like JSON but is not', `{${jwt}`],
    ['our JSON download', { jwt: ` ${jwt} `, credential: {} }],
    ['the enveloped form', enveloped(jwt)],
    ['an envelope inside the download', { envelope: enveloped(jwt) }],
    ['an empty jwt', { jwt: '  ' }],
    ['a bare JSON credential', { '@context': [], type: ['VerifiableCredential'] }],
    ['a number', 42],
  ])('carries the same JWT as %s', (_case, credential) => {
    expect(compactJwtOf(forVerification(credential))).toBe(compactJwtOf(credential));
  });
});
