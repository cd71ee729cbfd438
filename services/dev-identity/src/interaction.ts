import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type Provider } from 'oidc-provider';
import type { AccountStore } from './accounts';
import { DirectoryUnavailableError, type EnrolmentDirectory, type Organisation } from './enrolment-directory';
import { messagePage } from './page-layout';
import {
  type Account,
  chooseLearner,
  chooseRole,
  learnerAccount,
  type SignInForm,
  staffAccount,
} from './sign-in-choice';
import { learnerPage, signInPage } from './sign-in-page';

/** The largest sign-in form accepted: three short fields. */
const MAX_FORM_BYTES = 16 * 1024;

type Send = (status: number, html: string) => void;

/**
 * The sign-in interaction: GET shows the form; POST checks it against the enrolment service's data, and either asks
 * for a learner, shows the form again with what was wrong (400), or finishes the login with the provider.
 */
export class SignIn {
  constructor(
    private readonly provider: Provider,
    private readonly directory: EnrolmentDirectory,
    private readonly accounts: AccountStore,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, send: Send): Promise<void> {
    try {
      const details = await this.provider.interactionDetails(request, response);
      const action = `/interaction/${encodeURIComponent(details.uid)}`;
      // Consent is implicit (provider.ts's loadExistingGrant gives the grant); native clients, such as the terminal's,
      // are still asked each time (RFC 8252), which is answered here without a page.
      if (details.prompt.name === 'consent')
        return await this.provider.interactionFinished(request, response, { consent: {} });
      if (request.method === 'POST') await this.submit(request, response, action, send);
      else
        send(
          200,
          signInPage({ action, organisations: await this.directory.organisations(), values: {}, errors: [] }),
        );
    } catch (error) {
      if (error instanceof errors.SessionNotFound || error instanceof FormTooLargeError)
        return send(400, messagePage('Sign-in expired', [error.message, 'Start again from the app.']));
      if (error instanceof DirectoryUnavailableError)
        return send(
          503,
          messagePage('Enrolment service unavailable', [error.message, 'Is it running (make up)?']),
        );
      throw error;
    }
  }

  private async submit(request: IncomingMessage, response: ServerResponse, action: string, send: Send) {
    const form = await readForm(request);
    const organisations = await this.directory.organisations();
    const choice = chooseRole(form, organisations);
    if ('errors' in choice)
      return send(400, signInPage({ action, organisations, values: form, errors: choice.errors }));
    const account =
      choice.role === 'learner'
        ? await this.learner(form, choice.organisation!, action, send)
        : staffAccount(choice.role, choice.organisation);
    if (!account) return;
    this.accounts.remember(account);
    await this.provider.interactionFinished(
      request,
      response,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  /** The learner chosen, or undefined once the learner page has been sent (the first time, or with an error). */
  private async learner(form: SignInForm, organisation: Organisation, action: string, send: Send) {
    const learners = await this.directory.learnersOf(organisation);
    if (form.step !== 'learner')
      return send(200, learnerPage({ action, organisation, learners, errors: [] }));
    const chosen = chooseLearner(form, learners);
    if ('field' in chosen)
      return send(400, learnerPage({ action, organisation, learners, errors: [chosen] }));
    return learnerAccount(chosen) satisfies Account;
  }
}

class FormTooLargeError extends Error {}

async function readForm(request: IncomingMessage): Promise<SignInForm> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new FormTooLargeError('The form sent was too large.');
    chunks.push(chunk);
  }
  const fields = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const field = (name: string) => fields.get(name) ?? undefined;
  return {
    role: field('role'),
    organisation: field('organisation'),
    learner: field('learner'),
    step: field('step'),
  };
}
