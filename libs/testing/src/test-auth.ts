import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevIdentityProvider, type Role } from '@lib/auth';

let provider: DevIdentityProvider | undefined;

/** The identity provider of this test process: services under test trust its `jwksFile`. */
export function testIdentityProvider(): DevIdentityProvider {
  provider ??= new DevIdentityProvider(mkdtempSync(join(tmpdir(), 'credit-bridge-idp-')));
  return provider;
}

/** A bearer header for a caller with one role, acting for an organisation (or as a learner, with sub). */
export function bearer(role: Role, options: { org?: string; sub?: string } = {}): { authorization: string } {
  return { authorization: `Bearer ${testIdentityProvider().mint({ roles: [role], ...options })}` };
}
