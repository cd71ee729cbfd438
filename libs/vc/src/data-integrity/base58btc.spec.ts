import { randomBytes } from 'node:crypto';
import {
  base58btcDecode,
  base58btcEncode,
  multibaseBase58btcDecode,
  multibaseBase58btcEncode,
} from './base58btc';

describe('base58btc', () => {
  // Examples from the IETF base58 draft (draft-msporny-base58).
  it.each([
    ['Hello World!', '2NEpo7TZRRrLZSi2U'],
    [
      'The quick brown fox jumps over the lazy dog.',
      'USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z',
    ],
  ])('encodes %j as the draft does', (text, encoded) => {
    expect(base58btcEncode(Buffer.from(text))).toBe(encoded);
    expect(Buffer.from(base58btcDecode(encoded)).toString()).toBe(text);
  });

  it('keeps leading zero bytes as leading 1s', () => {
    expect(base58btcEncode(Uint8Array.from([0, 0, 0x28, 0x7f, 0xb4, 0xcd]))).toBe('11233QC4');
    expect(Array.from(base58btcDecode('11233QC4'))).toEqual([0, 0, 0x28, 0x7f, 0xb4, 0xcd]);
    expect(base58btcEncode(new Uint8Array())).toBe('');
  });

  it('round-trips random bytes', () => {
    for (let round = 0; round < 50; round += 1) {
      const bytes = randomBytes(1 + (round % 70));
      expect(Buffer.from(base58btcDecode(base58btcEncode(bytes)))).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet and overlong text', () => {
    expect(() => base58btcDecode('abc0')).toThrow(/unexpected character "0"/);
    expect(() => base58btcDecode('I')).toThrow(/not base58btc/);
    expect(() => base58btcDecode('2'.repeat(1025))).toThrow(/longer than 1024/);
  });

  it('writes and reads the multibase prefix z', () => {
    expect(multibaseBase58btcEncode(Buffer.from('Hello World!'))).toBe('z2NEpo7TZRRrLZSi2U');
    expect(Buffer.from(multibaseBase58btcDecode('z2NEpo7TZRRrLZSi2U')).toString()).toBe('Hello World!');
    expect(() => multibaseBase58btcDecode('u2NEpo7TZRRrLZSi2U')).toThrow(/must start with "z"/);
  });
});
