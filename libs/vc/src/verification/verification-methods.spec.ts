import { generateKeyPairSync } from 'node:crypto';
import { ed25519PublicKeyMultibase, multibaseBase58btcEncode } from '../data-integrity';
import {
  assertionKeyOf,
  assertionMethodIds,
  keyOfKeyDocument,
  multikeyPublicKey,
} from './verification-methods';

const did = 'did:web:issuer.example:faculty';
const method = `${did}#key-1`;
const ed25519 = generateKeyPairSync('ed25519').publicKey;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const same = (key: unknown, expected: typeof ed25519) =>
  JSON.stringify((key as typeof ed25519).export({ format: 'jwk' })) ===
  JSON.stringify(expected.export({ format: 'jwk' }));

function documentWith(over: Record<string, unknown> = {}, methodOver: Record<string, unknown> = {}) {
  const verificationMethod = {
    id: method,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: ed25519PublicKeyMultibase(ed25519),
    ...methodOver,
  };
  return { id: did, verificationMethod: [verificationMethod], assertionMethod: [method], ...over };
}

describe('keys read from DID documents and other controller documents', () => {
  it('finds an assertion method by reference, embedded, or by a relative id', () => {
    const referenced = assertionKeyOf(documentWith(), did, method);
    expect('key' in referenced && same(referenced.key, ed25519)).toBe(true);
    const { verificationMethod } = documentWith();
    const embedded = assertionKeyOf({ id: did, assertionMethod: verificationMethod }, did, method);
    expect('key' in embedded && same(embedded.key, ed25519)).toBe(true);
    const relative = assertionKeyOf(
      documentWith({ assertionMethod: ['#key-1'] }, { id: '#key-1' }),
      did,
      method,
    );
    expect('key' in relative && same(relative.key, ed25519)).toBe(true);
  });

  it('lists the assertion methods, referenced or embedded, relative ids made whole', () => {
    const document = documentWith({ assertionMethod: ['#key-1', { id: `${did}#key-2` }, 7] });
    expect(assertionMethodIds(document, did)).toEqual([method, `${did}#key-2`]);
    expect(assertionMethodIds('not a document', did)).toEqual([]);
  });

  it('reads JsonWebKey methods and P-256 Multikeys', () => {
    const jwk = ed25519.export({ format: 'jwk' });
    const asJwk = assertionKeyOf(
      documentWith({}, { type: 'JsonWebKey', publicKeyMultibase: undefined, publicKeyJwk: jwk }),
      did,
      method,
    );
    expect('key' in asJwk && same(asJwk.key, ed25519)).toBe(true);
    const { x, y } = p256.export({ format: 'jwk' });
    const point = Buffer.concat([
      Buffer.from([2 + (Buffer.from(y!, 'base64url')[31]! & 1)]),
      Buffer.from(x!, 'base64url'),
    ]);
    const multibase = multibaseBase58btcEncode(Buffer.concat([Buffer.from([0x80, 0x24]), point]));
    expect(same(multikeyPublicKey(multibase), p256)).toBe(true);
  });

  it.each([
    [
      'a document of another DID',
      documentWith({ id: 'did:web:elsewhere.example' }),
      /document's id is "did:web:elsewhere.example"/,
    ],
    ['a document without an id', documentWith({ id: undefined }), /document's id is undefined/],
    [
      'a missing key',
      documentWith({ verificationMethod: [], assertionMethod: [] }),
      /is not listed in the document/,
    ],
    [
      'a key only for authentication',
      documentWith({ assertionMethod: [], authentication: [method] }),
      /is not an assertion method/,
    ],
    [
      'a key of another controller',
      documentWith({}, { controller: 'did:web:elsewhere.example' }),
      /controller is "did:web:elsewhere.example"/,
    ],
    [
      'a private key',
      documentWith(
        {},
        {
          type: 'JsonWebKey',
          publicKeyMultibase: undefined,
          publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'AA', d: 'AA' },
        },
      ),
      /holds a private key/,
    ],
    [
      'an unknown key type',
      documentWith({}, { type: 'EcdsaSecp256k1VerificationKey2019' }),
      /not a Multikey/,
    ],
    ['a multibase that is no key', documentWith({}, { publicKeyMultibase: 'zabc' }), /cannot be read/],
    ['something that is not a document', 'not a document', /document's id is undefined/],
  ])('refuses %s', (_case, document, why) => {
    const finding = assertionKeyOf(document, did, method);
    expect('problem' in finding ? finding.problem : 'found').toMatch(why);
  });

  it('reads an https key id from its own verification method document or from its controller document', () => {
    const issuer = 'https://issuer.example/issuer';
    const kid = 'https://issuer.example/keys/1';
    const key = {
      id: kid,
      type: 'JsonWebKey',
      controller: issuer,
      publicKeyJwk: ed25519.export({ format: 'jwk' }),
    };
    const own = keyOfKeyDocument(key, kid, issuer);
    expect('key' in own && same(own.key, ed25519)).toBe(true);
    expect(keyOfKeyDocument({ ...key, controller: 'https://elsewhere.example/issuer' }, kid, issuer)).toEqual(
      {
        problem: 'its controller is "https://elsewhere.example/issuer", not https://issuer.example/issuer',
      },
    );
    const controllerDocument = { id: issuer, verificationMethod: [key], assertionMethod: [kid] };
    expect('key' in keyOfKeyDocument(controllerDocument, kid, issuer)).toBe(true);
    expect(
      keyOfKeyDocument({ ...controllerDocument, id: 'https://elsewhere.example/issuer' }, kid, issuer),
    ).toEqual({
      problem: 'the document\'s id is "https://elsewhere.example/issuer", not https://issuer.example/issuer',
    });
  });
});
