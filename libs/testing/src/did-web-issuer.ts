import { createPrivateKey, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  credentialClaims,
  ed25519PublicKeyMultibase,
  emptyStatusList,
  generateKey,
  type GeneratedKey,
  isoSeconds,
  publicKeyFromJwk,
  setBit,
  type SignableCredential,
  signDataIntegrity,
  signJws,
  statusEntry,
  statusListCredential,
} from '@lib/vc';
import type { TestCertificate } from './test-certificate';

/** What the issuer's server was asked: the Host header, the path and the Accept header of each request. */
export interface SeenRequest {
  readonly host: string;
  readonly path: string;
  readonly accept: string;
}

type Ed25519Key = GeneratedKey<'EdDSA'>;

/**
 * An issuer that is not ours and is a did:web DID, for specs: a real https server (its certificate from a test
 * authority, see testCertificate) on `localhost`, serving the DID document its DID resolves to, status lists as JSON
 * with a Data Integrity proof, and, as the same issuer under an https id, a JWK set and a key document. Every
 * request is recorded, so a spec can show what a verifier fetched, and from which host.
 */
export class DidWebIssuer {
  /** The key the DID document lists as an assertion method (`#key-1`). */
  readonly key: Ed25519Key = generateKey('EdDSA');
  /** A key of nobody's: not in the document. */
  readonly stranger: Ed25519Key = generateKey('EdDSA');
  readonly requests: SeenRequest[] = [];
  private readonly lists = new Map<string, Set<number>>();
  /** Where the DID document has moved to (a redirect), when a spec says so. */
  private movedTo: string | undefined;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(certificate: TestCertificate): Promise<DidWebIssuer> {
    const issuer: { current?: DidWebIssuer } = {};
    const server = createServer({ cert: certificate.cert, key: certificate.key }, (request, response) => {
      void issuer.current!.answer(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer.current = new DidWebIssuer(server, (server.address() as AddressInfo).port);
    return issuer.current;
  }

  get origin(): string {
    return `https://localhost:${this.port}`;
  }

  /** `did:web:localhost%3A<port>:issuers:north`, whose document is at `<origin>/issuers/north/did.json`. */
  get did(): string {
    return `did:web:localhost%3A${this.port}:issuers:north`;
  }

  get keyId(): string {
    return `${this.did}#key-1`;
  }

  /** The same issuer under an https id, with a JWK set and a key document at its origin. */
  get httpsIssuerId(): string {
    return `${this.origin}/issuers/north`;
  }

  get jwksUrl(): string {
    return `${this.origin}/jwks.json`;
  }

  /** A key id on the issuer's origin that is not in its JWK set: its document says whose it is. */
  get httpsKeyId(): string {
    return `${this.origin}/keys/1`;
  }

  /** A credential of this issuer (its DID unless `issuer` says otherwise), unsigned. */
  credential(over: Partial<SignableCredential> = {}): SignableCredential {
    const subject = { id: 'did:example:mentor-7', mentored: 'Team Blue' };
    return {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://www.w3.org/ns/credentials/undefined-terms/v2',
      ],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'HackDayMentorCredential'],
      issuer: this.did,
      validFrom: isoSeconds(new Date(Date.now() - 60_000)),
      credentialSubject: subject,
      ...over,
    };
  }

  /** The credential with an eddsa-rdfc-2022 proof by `key`, named `verificationMethod`. */
  prove(credential: SignableCredential, key: Ed25519Key = this.key, verificationMethod = this.keyId) {
    return signDataIntegrity(credential, {
      privateKey: createPrivateKey(key.privateKeyPem),
      verificationMethod,
    });
  }

  /** The credential as an EdDSA VC-JWT whose header names `kid`. */
  signJwt(credential: SignableCredential, kid = this.keyId, key: Ed25519Key = this.key): string {
    return signJws({ alg: 'EdDSA', typ: 'vc+jwt', kid }, credentialClaims(credential), key.privateKeyPem);
  }

  /** From now on the DID document's URL redirects to `url`; undefined serves it again. */
  moveDocumentTo(url: string | undefined): void {
    this.movedTo = url;
  }

  addStatusList(name: string): void {
    this.lists.set(name, new Set());
  }

  setStatus(name: string, index: number): void {
    this.lists.get(name)!.add(index);
  }

  statusEntry(name: string, index: number) {
    return statusEntry(`${this.origin}/status/${name}`, index, 'revocation');
  }

  /** The requests for one path. */
  requestsFor(path: string): SeenRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    this.requests.push({ host: request.headers.host ?? '', path, accept: request.headers.accept ?? '' });
    if (path === '/issuers/north/did.json' && this.movedTo) {
      response.writeHead(302, { location: this.movedTo }).end();
      return;
    }
    const document = await this.documentAt(path);
    if (!document) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': document.type, 'cache-control': 'no-store' });
    response.end(JSON.stringify(document.body));
  }

  private async documentAt(path: string): Promise<{ type: string; body: unknown } | undefined> {
    const jwk = publicKeyFromJwk(this.key.publicJwk).export({ format: 'jwk' });
    if (path === '/issuers/north/did.json') return { type: 'application/did+json', body: this.didDocument() };
    if (path === '/jwks.json')
      return {
        type: 'application/jwk-set+json',
        body: { keys: [{ ...jwk, kid: `${this.origin}/keys/in-set` }] },
      };
    if (path === '/keys/1')
      return {
        type: 'application/json',
        body: { id: this.httpsKeyId, type: 'JsonWebKey', controller: this.httpsIssuerId, publicKeyJwk: jwk },
      };
    const list = path.startsWith('/status/') ? this.lists.get(path.slice('/status/'.length)) : undefined;
    return list ? { type: 'application/vc', body: await this.statusList(path, list) } : undefined;
  }

  private didDocument() {
    const method = {
      id: this.keyId,
      type: 'Multikey',
      controller: this.did,
      publicKeyMultibase: ed25519PublicKeyMultibase(publicKeyFromJwk(this.key.publicJwk)),
    };
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: this.did,
      verificationMethod: [method],
      assertionMethod: [method.id],
    };
  }

  /** A revocation list as JSON, proven by the DID's key, with the bits the spec set. */
  private statusList(path: string, set: Set<number>) {
    const bits = emptyStatusList();
    for (const index of set) setBit(bits, index, true);
    const list = statusListCredential({
      listUrl: `${this.origin}${path}`,
      issuerId: this.did,
      purpose: 'revocation',
      bits,
      validFrom: isoSeconds(new Date(Date.now() - 60_000)),
    });
    return signDataIntegrity(list, {
      privateKey: createPrivateKey(this.key.privateKeyPem),
      verificationMethod: this.keyId,
    });
  }
}
