import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate authority made for one spec run, and a server certificate it signed. */
export interface TestCertificate {
  /** The authority's certificate, PEM, in a file: what the service under test is told to trust. */
  readonly caFile: string;
  /** The server's certificate and key, PEM, for `https.createServer`. */
  readonly cert: string;
  readonly key: string;
}

/**
 * Makes, with the openssl command line, a throwaway P-256 certificate authority valid for a day and a server
 * certificate it signs for `localhost` and 127.0.0.1. An https test server then needs neither a certificate from
 * a public authority nor a verifier that skips the certificate check: the service trusts this authority only
 * because the spec says so (`OUTBOUND_FETCH_CA_FILE`), as a developer's machine trusts its own local authority.
 */
export function testCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'test-ca-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const p256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...p256,
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=Credit Bridge test CA',
  );
  openssl('req', ...p256, '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=localhost');
  writeFileSync(at('server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    at('server.ext'),
    '-out',
    at('server.pem'),
  );
  return {
    caFile: at('ca.pem'),
    cert: readFileSync(at('server.pem'), 'utf8'),
    key: readFileSync(at('server.key'), 'utf8'),
  };
}
