import { ROLES, type Role } from '@lib/auth';
import type { LearnerChoice, Organisation } from './enrolment-directory';
import { errorSummary, escapeHtml, fieldError, page, type ErrorItem } from './page-layout';
import type { SignInForm } from './sign-in-choice';

const ROLE_HINTS: Record<Role, string> = {
  admin: 'Registers organisations; acts for no organisation.',
  registrar: "An awarding body's staff and exam board.",
  partner: "A partner organisation's organisers: offerings, enrolments, attendance.",
  assessor: "Marks learners' work for an organisation.",
  learner: 'Their own record, enrolments and credentials: choose their organisation, then the learner.',
};

export interface SignInView {
  readonly action: string;
  readonly organisations: readonly Organisation[];
  readonly values: SignInForm;
  readonly errors: readonly ErrorItem[];
}

function described(errors: readonly ErrorItem[], field: string, hint?: string): string {
  const ids = [hint, errors.some((error) => error.field === field) ? `${field}-error` : undefined].filter(
    Boolean,
  );
  return ids.length ? ` aria-describedby="${ids.join(' ')}"` : '';
}

function roleOptions(view: SignInView): string {
  return ROLES.map((role, index) => {
    const id = index === 0 ? 'role' : `role-${role}`;
    const checked = view.values.role === role ? ' checked' : '';
    return `<div class="choice">
<input type="radio" name="role" id="${id}" value="${role}"${checked} aria-describedby="${id}-hint">
<label for="${id}">${role.charAt(0).toUpperCase()}${role.slice(1)}</label>
<p class="hint" id="${id}-hint">${escapeHtml(ROLE_HINTS[role])}</p>
</div>`;
  }).join('\n');
}

function organisationOptions(view: SignInView): string {
  const group = (kind: Organisation['kind'], label: string) => {
    const options = view.organisations
      .filter((organisation) => organisation.kind === kind)
      .map((organisation) => {
        const selected = view.values.organisation === organisation.id ? ' selected' : '';
        return `<option value="${escapeHtml(organisation.id)}"${selected}>${escapeHtml(organisation.name)}</option>`;
      });
    return options.length ? `<optgroup label="${label}">${options.join('')}</optgroup>` : '';
  };
  return `<option value="">None (admin)</option>${group('awarding-body', 'Awarding bodies')}${group('partner', 'Partner organisations')}`;
}

/** The first step: a role, and the organisation its holder acts for. */
export function signInPage(view: SignInView): string {
  const { errors } = view;
  const none = view.organisations.length
    ? ''
    : '<p class="notice">No organisations are registered yet: run <code>npm run -s seed</code>, or sign in as an admin.</p>';
  const title = `${errors.length ? 'Error: ' : ''}Sign in`;
  return page(
    title,
    `${errorSummary(errors)}
<h1>Sign in</h1>
<p>This development identity provider signs you in as anyone: choose who you are.</p>
${none}
<form method="post" action="${escapeHtml(view.action)}" novalidate>
<fieldset class="group${errors.some((e) => e.field === 'role') ? ' has-error' : ''}"${described(errors, 'role')}>
<legend>Role</legend>
${fieldError(errors, 'role')}
${roleOptions(view)}
</fieldset>
<div class="group${errors.some((e) => e.field === 'organisation') ? ' has-error' : ''}">
<label for="organisation">Organisation</label>
<p class="hint" id="organisation-hint">Every role but admin acts for one organisation.</p>
${fieldError(errors, 'organisation')}
<select name="organisation" id="organisation"${described(errors, 'organisation', 'organisation-hint')}>${organisationOptions(view)}</select>
</div>
<button type="submit">Continue</button>
</form>`,
  );
}

export interface LearnerView {
  readonly action: string;
  readonly organisation: Organisation;
  readonly learners: readonly LearnerChoice[];
  readonly errors: readonly ErrorItem[];
}

/** The second step for a learner: which of the organisation's learners. */
export function learnerPage(view: LearnerView): string {
  const { errors, organisation } = view;
  const title = `${errors.length ? 'Error: ' : ''}Choose a learner`;
  if (view.learners.length === 0)
    return page(
      'No learners',
      `<h1>No learners at <bdi>${escapeHtml(organisation.name)}</bdi></h1>
<p>Nobody is enrolled on its offerings yet. Run <code>npm run -s seed</code>, or choose another organisation.</p>
<p><a href="${escapeHtml(view.action)}">Choose again</a></p>`,
    );
  const choices = view.learners
    .map((learner, index) => {
      const id = index === 0 ? 'learner' : `learner-${index + 1}`;
      return `<div class="choice">
<input type="radio" name="learner" id="${id}" value="${escapeHtml(learner.id)}" aria-describedby="${id}-hint">
<label for="${id}"><bdi>${escapeHtml(learner.name)}</bdi></label>
<p class="hint" id="${id}-hint">${escapeHtml(learner.email)}</p>
</div>`;
    })
    .join('\n');
  return page(
    title,
    `${errorSummary(errors)}
<h1>Choose a learner</h1>
<p>Learners enrolled on offerings of <bdi>${escapeHtml(organisation.name)}</bdi>.</p>
<form method="post" action="${escapeHtml(view.action)}" novalidate>
<input type="hidden" name="step" value="learner">
<input type="hidden" name="role" value="learner">
<input type="hidden" name="organisation" value="${escapeHtml(organisation.id)}">
<fieldset class="group${errors.length ? ' has-error' : ''}"${described(errors, 'learner')}>
<legend>Learner</legend>
${fieldError(errors, 'learner')}
${choices}
</fieldset>
<button type="submit">Sign in</button>
</form>
<p><a href="${escapeHtml(view.action)}">Choose another role or organisation</a></p>`,
  );
}
