import { randomInt } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Every list holds at least this many entries (16 KiB), so one credential's bit hides among many. */
export const MIN_STATUS_LIST_ENTRIES = 131072;

export type StatusPurpose = 'revocation' | 'suspension';

/** Bit `i` is bit `0x80 >> (i % 8)` of byte `floor(i / 8)` (Bitstring Status List v1.0). */
export function setBit(bits: Uint8Array, index: number, value: boolean): void {
  const mask = 0x80 >> (index % 8);
  const byte = Math.floor(index / 8);
  bits[byte] = value ? bits[byte]! | mask : bits[byte]! & ~mask;
}

export function getBit(bits: Uint8Array, index: number): boolean {
  return (bits[Math.floor(index / 8)]! & (0x80 >> (index % 8))) !== 0;
}

export function emptyStatusList(entries = MIN_STATUS_LIST_ENTRIES): Uint8Array {
  if (entries < MIN_STATUS_LIST_ENTRIES || entries % 8 !== 0) {
    throw new Error(`a status list has a multiple of 8 entries, at least ${MIN_STATUS_LIST_ENTRIES}`);
  }
  return new Uint8Array(entries / 8);
}

/** `"u"` + base64url (no padding) of the gzipped bitstring. */
export function encodeStatusList(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function decodeStatusList(encoded: string): Uint8Array {
  if (!encoded.startsWith('u'))
    throw new Error('an encoded status list starts with "u" (base64url multibase)');
  // Bounded: a list from another issuer must not inflate without limit (16 MB is 134 million entries).
  return new Uint8Array(
    gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: 16 * 1024 * 1024 }),
  );
}

/** A random index not in `taken`: sequential indexes would leak the order of issue. */
export function randomFreeIndex(entries: number, taken: ReadonlySet<number>): number {
  if (taken.size >= entries) throw new Error('the status list is full');
  for (;;) {
    const index = randomInt(entries);
    if (!taken.has(index)) return index;
  }
}

/** The `credentialStatus` entry of a credential whose status is bit `index` of a list. */
export function statusEntry(listUrl: string, index: number, purpose: StatusPurpose) {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/** The unsigned status list credential; sign it with the issuer's key like any credential. */
export function statusListCredential(input: {
  listUrl: string;
  issuerId: string;
  purpose: StatusPurpose;
  bits: Uint8Array;
  validFrom: string;
  ttlMs?: number;
}) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: input.listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerId,
    validFrom: input.validFrom,
    credentialSubject: {
      id: `${input.listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.purpose,
      encodedList: encodeStatusList(input.bits),
      ...(input.ttlMs ? { ttl: input.ttlMs } : {}),
    },
  };
}
