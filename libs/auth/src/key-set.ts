import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** Where the identity provider's public keys come from: its JWKS URL, or a file. */
export type KeySource = { readonly url: string } | { readonly file: string };

interface Jwk extends JsonWebKey {
  kid?: string;
}

/**
 * The identity provider's public keys by `kid`, re-read after `maxAgeMs` and at once when a token names a
 * kid we do not know (the provider rotated), but not more than once a second.
 */
export class KeySet {
  private keys = new Map<string, KeyObject>();
  private loadedAt = 0;

  constructor(
    private readonly source: KeySource,
    private readonly maxAgeMs = 5 * 60 * 1000,
  ) {}

  async key(kid: string): Promise<KeyObject | undefined> {
    const age = Date.now() - this.loadedAt;
    if (age > this.maxAgeMs || (!this.keys.has(kid) && age > 1000)) await this.load();
    return this.keys.get(kid);
  }

  private async load(): Promise<void> {
    const body =
      'url' in this.source ? await fetchJson(this.source.url) : await readFile(this.source.file, 'utf8');
    const set = JSON.parse(body) as { keys?: Jwk[] };
    this.keys = new Map(
      (set.keys ?? [])
        .filter((jwk) => jwk.kid)
        .map((jwk) => [jwk.kid!, createPublicKey({ key: jwk, format: 'jwk' })]),
    );
    this.loadedAt = Date.now();
  }
}

async function fetchJson(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`JWKS ${url} answered ${response.status}`);
  return response.text();
}
