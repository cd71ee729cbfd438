import { generateKeyPairSync } from 'node:crypto';
import { ed25519PublicKeyMultibase } from '../data-integrity';
import type { DocumentFetcher, FetchedDocument } from '../outbound';
import { HttpSource } from './http-source';
import { remoteKeyResolver } from './remote-keys';

const ed25519 = generateKeyPairSync('ed25519').publicKey;

/** Answers from a table, recording every URL asked for: what a key id makes the verifier fetch. */
class TableFetcher implements DocumentFetcher {
  readonly asked: string[] = [];
  constructor(private readonly table: Record<string, unknown>) {}
  get(url: string): Promise<FetchedDocument> {
    this.asked.push(url);
    const body = this.table[url];
    return Promise.resolve(
      body === undefined
        ? { status: 404, body: '' }
        : { status: 200, cacheControl: 'no-store', body: JSON.stringify(body) },
    );
  }
}

function methodOf(id: string, controller: string) {
  return { id, type: 'Multikey', controller, publicKeyMultibase: ed25519PublicKeyMultibase(ed25519) };
}

describe('remoteKeyResolver', () => {
  const did = 'did:web:issuer.example%3A8443:faculty';
  const didDocument = {
    id: did,
    verificationMethod: [methodOf(`${did}#k1`, did)],
    assertionMethod: [`${did}#k1`],
  };
  const httpsIssuer = 'https://issuer.example/issuer';
  const keyUrl = 'https://issuer.example/keys/1';

  function resolverOver(table: Record<string, unknown>, jwksUrl?: string) {
    const fetcher = new TableFetcher(table);
    const refusals: string[] = [];
    const resolve = remoteKeyResolver(
      new HttpSource({ fetcher }),
      () => Promise.resolve(jwksUrl),
      (_kid, _issuer, problem) => refusals.push(problem),
    );
    return { resolve, asked: fetcher.asked, refusals };
  }

  it('reads a did:web issuer’s keys from its DID document, fetched once for many credentials', async () => {
    const { resolve, asked } = resolverOver({ 'https://issuer.example:8443/faculty/did.json': didDocument });
    const keys = await Promise.all([1, 2, 3].map(() => resolve(`${did}#k1`, did)));
    expect(keys.every((key) => key?.asymmetricKeyType === 'ed25519')).toBe(true);
    expect(await resolve(`${did}#k2`, did)).toBeUndefined();
    expect(asked).toEqual(['https://issuer.example:8443/faculty/did.json']);
  });

  it('fetches nothing for a key id that is not the issuer’s DID or origin', async () => {
    const { resolve, asked } = resolverOver({});
    expect(await resolve('did:web:elsewhere.example#k1', did)).toBeUndefined();
    expect(await resolve('https://issuer.example:8443/faculty/did.json#k1', did)).toBeUndefined();
    expect(await resolve('https://elsewhere.example/keys/1', httpsIssuer)).toBeUndefined();
    expect(await resolve('http://issuer.example/keys/1', httpsIssuer)).toBeUndefined();
    expect(await resolve(`${did}#k1`, 'did:web:127.0.0.1')).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('reads an https key id on the issuer’s own origin, which must name the issuer as its controller', async () => {
    const { resolve, asked, refusals } = resolverOver({
      [keyUrl]: methodOf(keyUrl, httpsIssuer),
      'https://issuer.example/keys/2': methodOf(
        'https://issuer.example/keys/2',
        'https://elsewhere.example/issuer',
      ),
    });
    expect((await resolve(keyUrl, httpsIssuer))?.asymmetricKeyType).toBe('ed25519');
    expect(await resolve('https://issuer.example/keys/2', httpsIssuer)).toBeUndefined();
    expect(refusals).toEqual([
      'its controller is "https://elsewhere.example/issuer", not https://issuer.example/issuer',
    ]);
    expect(asked).toEqual([keyUrl, 'https://issuer.example/keys/2']);
  });

  it('says the issuer’s keys could not be fetched when the DID document cannot be fetched', async () => {
    const { resolve } = resolverOver({});
    await expect(resolve(`${did}#k1`, did)).rejects.toThrow('The issuer’s keys could not be fetched.');
  });
});
