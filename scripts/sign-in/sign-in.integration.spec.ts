import { call } from '@lib/testing';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type SignInStack, startSignInStack } from '../../services/spec-support/dev-identity';
import { FormBrowser } from '../../services/spec-support/form-browser';
import { setUpUniversity } from '../../services/spec-support/university';

const CLI = join(__dirname, '..', '..', 'dist', 'scripts', 'sign-in', 'sign-in.js');

/** `npm run -s sign-in`: a native client on a loopback port, the person signing in in a browser in between. */
describe('the terminal sign-in', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  }, 120_000);

  afterAll(() => stack?.stop());

  /** The command under test: killed after each test, so a failing expectation never leaves it waiting. */
  let child: ChildProcessWithoutNullStreams | undefined;
  afterEach(() => void child?.kill());

  it('prints an address to sign in at, receives the browser back on its loopback port, and prints an access token', async () => {
    const uni = await setUpUniversity(stack.enrolment.url);
    const command = spawn(process.execPath, [CLI, '--issuer', stack.issuer]);
    child = command;
    let stdout = '';
    let stderr = '';
    command.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => command.once('exit', resolve));
    const address = await new Promise<string>((resolve, reject) => {
      command.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /^\s+(http\S+\/auth\?\S+)$/m.exec(stderr)?.[1];
        if (found) resolve(found);
      });
      command.once('exit', () => reject(new Error(`sign-in exited early: ${stderr}`)));
    });

    // The browser follows the provider back to the command's own loopback address.
    const browser = new FormBrowser(() => false);
    const page = await browser.get(address);
    const arrived = await browser.submit(page, { role: 'partner', organisation: uni.partnerId });
    expect(arrived.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\?code=/);
    expect(arrived.html).toContain('Signed in');

    expect(await exited).toBe(0);
    expect(stderr).toContain(`Signed in: {"sub":"dev-partner-${uni.partnerId}","roles":["partner"]`);
    const token = stdout.trim();
    const offering = await call(stack.gateway.url, 'GET', `/api/enrolment/offerings/${uni.offeringId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(offering.status).toBe(200);
  });
});
