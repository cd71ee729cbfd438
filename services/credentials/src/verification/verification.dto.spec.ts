import { vcApiVerifyBody, verifyBody } from './verification.dto';

describe('verification request bodies', () => {
  it('take a credential as a JWT or as a JSON object, whatever the object holds', () => {
    const wide = Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`k${i}`, {}]));
    expect(verifyBody.parse({ credential: wide }).credential).toBe(wide);
    expect(verifyBody.parse({ credential: 'a.b.c' }).credential).toBe('a.b.c');
    expect(vcApiVerifyBody.parse({ verifiableCredential: {}, options: wide }).options).toBe(wide);
  });

  it.each([
    ['an array', []],
    ['a number', 7],
    ['null', null],
    ['an empty string', ''],
  ])('refuse %s as the credential, naming the field', (_case, credential) => {
    const parsed = verifyBody.safeParse({ credential });
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['credential']]);
  });

  it('refuses options that are not an object', () => {
    const parsed = vcApiVerifyBody.safeParse({ verifiableCredential: 'a.b.c', options: [] });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['options'], message: 'must be a JSON object' }),
    ]);
  });
});
