import { call } from '@lib/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type SignInStack, startSignInStack } from '../../services/spec-support/dev-identity';
import { FormBrowser } from '../../services/spec-support/form-browser';
import { setUpUniversity } from '../../services/spec-support/university';

const CLI = join(__dirname, '..', '..', 'dist', 'scripts', 'sign-in', 'sign-in.js');

/** `npm run -s sign-in`: the web app's flow from a terminal, the person signing in in a browser in between. */
describe('the terminal sign-in', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  }, 120_000);

  afterAll(() => stack?.stop());

  it('prints an address to sign in at, takes the one the browser ends on, and prints an access token', async () => {
    const uni = await setUpUniversity(stack.enrolment.url);
    const child = spawn(process.execPath, [CLI, '--issuer', stack.issuer, '--redirect-uri', stack.callback]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /^\s+(http\S+\/auth\?\S+)$/m.exec(stderr)?.[1];
        if (found && stderr.includes('Then paste')) resolve(found);
      });
      child.once('exit', () => reject(new Error(`sign-in exited early: ${stderr}`)));
    });

    const browser = new FormBrowser((url) => url.startsWith(stack.callback));
    const page = await browser.get(address);
    const arrived = await browser.submit(page, { role: 'partner', organisation: uni.partnerId });
    child.stdin.end(`${arrived.url}\n`);

    expect(await exited).toBe(0);
    expect(stderr).toContain(`Signed in: {"sub":"dev-partner-${uni.partnerId}","roles":["partner"]`);
    const token = stdout.trim();
    const offering = await call(stack.gateway.url, 'GET', `/api/enrolment/offerings/${uni.offeringId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(offering.status).toBe(200);
  });
});
