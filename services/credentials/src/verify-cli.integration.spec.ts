import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, call, type RunningService, waitFor } from '@lib/testing';
import { completeAndRatify, earnCredential } from '../../spec-support/credentials';
import { type IssuingStack, startIssuingBehindGateway } from '../../spec-support/issuing-behind-gateway';
import { anotherOffering, learner, ok, setUpUniversity } from '../../spec-support/university';

/** Runs `npm run -s verify` as a user would, built, against a gateway that is the credentials' public origin. */
function verifyCli(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/libs/vc/src/cli/verify.js', ...args], {
      cwd: process.cwd(),
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the verify command', () => {
  let stack: IssuingStack;
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let origin: string;

  beforeAll(async () => {
    stack = await startIssuingBehindGateway();
    ({ enrolment, assessment, credentials, origin } = stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('prints the result and exits 0 only for a valid credential, from a JWT, a file or the PDF', async () => {
    const stack = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url, 5);
    const { credential, learnerId, learner } = await earnCredential(stack, uni, 77);

    const valid = await verifyCli(credential.jwt, '--server', origin, '--email', learner.email);
    expect(valid.out).toContain('VALID: ');
    expect(valid.out).toContain('App building in a day');
    expect(valid.out).toContain('5 UK credits');
    expect(valid.out).toMatch(/✓ Delivering partner authorised: Code4Health .+ was authorised/);
    expect(valid.out).toContain('✓ Holder');
    expect(valid.code).toBe(0);

    const file = join(tmpdir(), `credential-${learnerId}.jwt`);
    writeFileSync(file, credential.jwt);
    expect((await verifyCli(file, '--server', origin)).code).toBe(0);
    const pdf = await fetch(
      `${credentials.url}/api/credentials/learners/me/credentials/${credential.credentialId}/download?format=pdf`,
      { headers: bearer('learner', { sub: learnerId }) },
    );
    const pdfFile = join(tmpdir(), `credential-${learnerId}.pdf`);
    writeFileSync(pdfFile, Buffer.from(await pdf.arrayBuffer()));
    const fromPdf = await verifyCli(pdfFile, '--server', origin, '--json');
    expect(JSON.parse(fromPdf.out)).toMatchObject({ status: 'valid', summary: { credits: 5 } });

    // A hold is not in the credential (Open Badges 3.0 allows one status entry): the command asks the issuer's hub.
    const statusChange = (change: string, body: object) =>
      ok(
        call(credentials.url, 'POST', `/api/credentials/credentials/${credential.credentialId}/${change}`, {
          headers: uni.registrar,
          body,
        }),
      );
    await statusChange('suspension', { reason: 'Under review' });
    const suspended = await verifyCli(credential.jwt, '--server', origin);
    expect(suspended.out).toContain('SUSPENDED: ');
    expect(suspended.out).toContain('Under review');
    expect(suspended.code).toBe(1);
    await statusChange('reinstatement', {});
    expect((await verifyCli(credential.jwt, '--server', origin)).code).toBe(0);

    await ok(
      call(credentials.url, 'POST', `/api/credentials/credentials/${credential.credentialId}/revocation`, {
        headers: uni.registrar,
        body: { reason: 'Issued in error' },
      }),
    );
    const revoked = await verifyCli(credential.jwt, '--server', origin);
    expect(revoked.out).toContain('REVOKED: ');
    expect(revoked.code).toBe(1);

    const tampered = await verifyCli(`${credential.jwt.slice(0, -10)}AAAAAAAAAA`, '--server', origin);
    expect(tampered.out).toContain('INVALID: ');
    expect(tampered.code).toBe(1);
    expect((await verifyCli()).code).toBe(2);
  });

  it('lists each credential a learner record holds, with what it certifies, its issuer and its result', async () => {
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url, 5);
    const details = learner('clr-cli');
    let learnerId = '';
    for (const [n, course] of [uni, await anotherOffering(enrolment.url, uni)].entries())
      ({ learnerId } = await completeAndRatify(services, course, 70 + n, { learner: details }));
    const headers = bearer('learner', { sub: learnerId });
    const mine = await waitFor(
      async () => {
        const page = await ok(
          call(credentials.url, 'GET', '/api/credentials/learners/me/credentials', { headers }),
        );
        return page.items.length === 2 ? page.items : undefined;
      },
      { what: 'two credentials to be issued', timeoutMs: 60_000 },
    );
    const { record } = await ok(
      call(credentials.url, 'POST', '/api/credentials/learners/me/clr', {
        headers,
        body: { awardingBodyId: uni.awardingBodyId },
      }),
    );
    const file = join(tmpdir(), `record-${learnerId}.jwt`);
    writeFileSync(file, record.jwt);
    const valid = await verifyCli(file, '--server', origin);
    expect(valid.out).toContain('VALID: ');
    expect(valid.out).toContain('Each of the 2 credentials it holds verifies.');
    expect(valid.out).toContain('Credentials the record holds (2):');
    expect(
      valid.out.match(/^ +\d+\. VALID: App building in a day \(C[0-9A-F]+\), issued by University /gm),
    ).toHaveLength(2);
    for (const one of mine) expect(valid.out).toContain(one.credentialId);
    expect(valid.code).toBe(0);

    // One revoked since: the record itself is still valid, and that credential's line says so (the status list
    // read from its issuer carries no reason, so the failed check is named).
    await ok(
      call(credentials.url, 'POST', `/api/credentials/credentials/${mine[0].credentialId}/revocation`, {
        headers: uni.registrar,
        body: { reason: 'Awarded in error' },
      }),
    );
    const oneRevoked = await verifyCli(file, '--server', origin);
    expect(oneRevoked.out).toContain('1 of the 2 credentials it holds did not verify');
    expect(oneRevoked.out).toMatch(
      new RegExp(
        `^ +\\d+\\. REVOKED: App building in a day .+ — Not revoked: Revoked by the issuer\\.\\n +${mine[0].credentialId}$`,
        'm',
      ),
    );
  });
});
