import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  randomUUID,
  sign,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { Role } from './roles';
import { DEFAULT_TOKEN_TIME_POLICY } from './token-times';

export const DEV_ISSUER = 'credit-bridge-dev-idp';
export const DEV_AUDIENCE = 'credit-bridge';

export interface MintOptions {
  readonly roles: readonly Role[];
  readonly org?: string;
  readonly sub?: string;
  /** Default: an hour, the longest lifetime the services accept by default. */
  readonly expiresInSeconds?: number;
  /** Default: `credit-bridge`, the audience the services expect unless AUTH_AUDIENCE says otherwise. */
  readonly audience?: string;
}

/**
 * A local identity provider for development and tests: one ES256 key pair kept in a folder (git-ignored),
 * its public key published there as `jwks.json` for the services to trust. Never used in production.
 */
export class DevIdentityProvider {
  readonly jwksFile: string;
  private readonly privateKeyPem: string;
  private readonly kid: string;

  constructor(readonly directory: string) {
    this.jwksFile = join(directory, 'jwks.json');
    const keyFile = join(directory, 'private-key.pem');
    if (!existsSync(keyFile)) {
      mkdirSync(directory, { recursive: true });
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    this.privateKeyPem = readFileSync(keyFile, 'utf8');
    const publicJwk = createPublicKey(createPrivateKey(this.privateKeyPem)).export({ format: 'jwk' });
    this.kid = `dev-${publicJwk.x!.slice(0, 12)}`;
    if (!existsSync(this.jwksFile)) {
      writeFileSync(
        this.jwksFile,
        JSON.stringify({ keys: [{ ...publicJwk, kid: this.kid, alg: 'ES256', use: 'sig' }] }, null, 2),
      );
    }
  }

  mint({
    roles,
    org,
    sub,
    expiresInSeconds = DEFAULT_TOKEN_TIME_POLICY.maxLifetimeSeconds,
    audience = DEV_AUDIENCE,
  }: MintOptions): string {
    return jwt.sign({ roles, ...(org ? { org } : {}) }, this.privateKeyPem, {
      algorithm: 'ES256',
      keyid: this.kid,
      issuer: DEV_ISSUER,
      audience,
      subject: sub ?? randomUUID(),
      expiresIn: expiresInSeconds,
    });
  }

  /**
   * The private key as a JWK with its kid, for the development sign-in provider (services/dev-identity), which signs
   * its tokens with this same key so the services trust them through the same `jwks.json`.
   */
  signingJwk(): JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' } {
    const jwk = createPrivateKey(this.privateKeyPem).export({ format: 'jwk' });
    return { ...jwk, kid: this.kid, alg: 'ES256', use: 'sig' };
  }

  /**
   * Signs exactly these claims (undefined ones left out, nothing added) with the provider's key: for specs of tokens
   * `mint` would not make, such as one without `exp`. jsonwebtoken's signer would add or check claims itself.
   */
  sign(claims: Record<string, unknown>): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${part({ alg: 'ES256', typ: 'JWT', kid: this.kid })}.${part(claims)}`;
    const signature = sign('sha256', Buffer.from(input), {
      key: this.privateKeyPem,
      dsaEncoding: 'ieee-p1363',
    });
    return `${input}.${signature.toString('base64url')}`;
  }
}
