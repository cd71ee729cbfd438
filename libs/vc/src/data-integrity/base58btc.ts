/** Bitcoin's base58 alphabet, as multibase's `z` prefix names it. */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Longer strings are refused before decoding: BigInt arithmetic grows with the square of the length. */
const MAX_ENCODED_LENGTH = 1024;

export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros += 1;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let digits = '';
  while (value > 0n) {
    digits = ALPHABET.charAt(Number(value % 58n)) + digits;
    value /= 58n;
  }
  // Each leading zero byte is one leading '1'.
  return '1'.repeat(zeros) + digits;
}

export function base58btcDecode(text: string): Uint8Array {
  if (text.length > MAX_ENCODED_LENGTH)
    throw new Error(`base58btc text longer than ${MAX_ENCODED_LENGTH} characters`);
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros += 1;
  let value = 0n;
  for (const character of text) {
    const digit = ALPHABET.indexOf(character);
    if (digit < 0) throw new Error(`not base58btc: unexpected character ${JSON.stringify(character)}`);
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes]);
}

/** Multibase with the base58btc prefix `z`, as Data Integrity proof values and Multikeys are written. */
export function multibaseBase58btcEncode(bytes: Uint8Array): string {
  return `z${base58btcEncode(bytes)}`;
}

export function multibaseBase58btcDecode(text: string): Uint8Array {
  if (!text.startsWith('z')) throw new Error('not multibase base58btc: it must start with "z"');
  return base58btcDecode(text.slice(1));
}
