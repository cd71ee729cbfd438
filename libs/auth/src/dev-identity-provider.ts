import { generateKeyPairSync, createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { Role } from './roles';

export const DEV_ISSUER = 'credit-bridge-dev-idp';
export const DEV_AUDIENCE = 'credit-bridge';

export interface MintOptions {
  readonly roles: readonly Role[];
  readonly org?: string;
  readonly sub?: string;
  readonly expiresInSeconds?: number;
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

  mint({ roles, org, sub, expiresInSeconds = 8 * 3600 }: MintOptions): string {
    const payload = { roles, ...(org ? { org } : {}) };
    return jwt.sign(payload, this.privateKeyPem, {
      algorithm: 'ES256',
      keyid: this.kid,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      subject: sub ?? randomUUID(),
      expiresIn: expiresInSeconds,
    });
  }
}
