import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { jwsSignatureProblem, keyMismatch, signJws } from './jws';
import {
  generateKey,
  jwkThumbprint,
  publicKeyFromJwk,
  publishedJwk,
  SIGNING_ALGORITHMS,
  VERIFICATION_ALGORITHMS,
} from './keys';

/** RFC 8037 appendix A: an Ed25519 key, its thumbprint and a JWS it signed. */
const RFC_8037 = {
  jwk: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
  thumbprint: 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
  jws:
    'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.' +
    'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
};

describe('JWS algorithms and keys', () => {
  it('issues with ES256 and RS256 only, and verifies ES384 and EdDSA besides', () => {
    expect(SIGNING_ALGORITHMS).toEqual(['ES256', 'RS256']);
    expect(VERIFICATION_ALGORITHMS).toEqual(['ES256', 'ES384', 'EdDSA', 'RS256']);
  });

  it('verifies the RFC 8037 Ed25519 example and names its key by the RFC’s thumbprint', () => {
    expect(jwkThumbprint(RFC_8037.jwk)).toBe(RFC_8037.thumbprint);
    expect(jwsSignatureProblem(RFC_8037.jws, 'EdDSA', publicKeyFromJwk(RFC_8037.jwk))).toBeUndefined();
    expect(
      jwsSignatureProblem(`${RFC_8037.jws.slice(0, -2)}AA`, 'EdDSA', publicKeyFromJwk(RFC_8037.jwk)),
    ).toBe('invalid signature');
  });

  it.each(VERIFICATION_ALGORITHMS)(
    'signs %s so that jose verifies it with the published JWK alone, which we import too',
    async (alg) => {
      const key = generateKey(alg);
      const jwk = publishedJwk(key.publicJwk, { kid: 'k1', alg, iss: 'https://hub.example/issuer' });
      expect(jwk).not.toHaveProperty('d');
      const compact = signJws(
        { alg, typ: 'JWT', kid: 'k1' },
        { iss: 'https://hub.example/issuer' },
        key.privateKeyPem,
      );
      expect(decodeProtectedHeader(compact)).toEqual({ alg, typ: 'JWT', kid: 'k1' });
      const { payload } = await jwtVerify(compact, await importJWK(jwk, alg), { algorithms: [alg] });
      expect(payload).toEqual({ iss: 'https://hub.example/issuer' });
      // The JWK as published, with kid, alg, use and iss, imports as a key that verifies it.
      expect(jwsSignatureProblem(compact, alg, publicKeyFromJwk(jwk))).toBeUndefined();
      expect(keyMismatch(alg, publicKeyFromJwk(jwk))).toBeUndefined();
    },
  );

  it('imports P-384 and Ed25519 JWKs as keys of their curve', () => {
    const p384 = publicKeyFromJwk(generateKey('ES384').publicJwk);
    const ed25519 = publicKeyFromJwk(publishedJwk(RFC_8037.jwk, { kid: 'k', alg: 'EdDSA', iss: 'x' }));
    expect([p384.asymmetricKeyType, p384.asymmetricKeyDetails?.namedCurve]).toEqual(['ec', 'secp384r1']);
    expect(ed25519.asymmetricKeyType).toBe('ed25519');
  });

  it('publishes an Ed25519 key with only its public members', () => {
    const jwk = publishedJwk(generateKey('EdDSA').publicJwk, { kid: 'k', alg: 'EdDSA', iss: 'x' });
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'iss', 'kid', 'kty', 'use', 'x']);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig' });
  });

  it('refuses to sign with a key of another algorithm', () => {
    expect(() => signJws({ alg: 'ES384' }, {}, generateKey('ES256').privateKeyPem)).toThrow(
      'Cannot sign: ES384 needs a P-384 EC key; the key is a P-256 EC key.',
    );
  });
});
