import { ROLES, type Role } from '@lib/auth';
import type { LearnerChoice, Organisation } from './enrolment-directory';

/** What the sign-in form sent: the fields of the page, as text. */
export interface SignInForm {
  readonly role?: string;
  readonly organisation?: string;
  readonly learner?: string;
  /** `learner` on the second page, where a learner must be chosen. */
  readonly step?: string;
}

export interface FieldError {
  readonly field: 'role' | 'organisation' | 'learner';
  readonly message: string;
}

/** Who signs in: the claims their access tokens carry, and a name for the ID token. */
export interface Account {
  /** The subject: a learner's id, or a stable id for one role of one organisation. */
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly org?: string;
  readonly name: string;
}

export type RoleChoice =
  { readonly errors: readonly FieldError[] } | { readonly role: Role; readonly organisation?: Organisation };

/** The organisations a role may act for: registrars an awarding body's, partner organisers a partner's. */
export function organisationProblem(role: Role, organisation: Organisation): string | undefined {
  if (role === 'registrar' && organisation.kind !== 'awarding-body')
    return 'A registrar works for an awarding body: choose one of the awarding bodies';
  if (role === 'partner' && organisation.kind !== 'partner')
    return 'A partner organiser works for a partner organisation: choose one of the partners';
  return undefined;
}

/** The role and organisation the form chose, checked against the organisations offered. */
export function chooseRole(form: SignInForm, organisations: readonly Organisation[]): RoleChoice {
  const role = ROLES.find((known) => known === form.role);
  if (!role) return { errors: [{ field: 'role', message: 'Choose a role' }] };
  if (role === 'admin') return { role };
  if (!form.organisation)
    return { errors: [{ field: 'organisation', message: `Choose the organisation the ${role} acts for` }] };
  const organisation = organisations.find((known) => known.id === form.organisation);
  if (!organisation)
    return { errors: [{ field: 'organisation', message: 'Choose an organisation from the list' }] };
  const problem = organisationProblem(role, organisation);
  return problem ? { errors: [{ field: 'organisation', message: problem }] } : { role, organisation };
}

/** The learner the form chose among the organisation's learners, or why not. */
export function chooseLearner(
  form: SignInForm,
  learners: readonly LearnerChoice[],
): LearnerChoice | FieldError {
  const learner = learners.find((known) => known.id === form.learner);
  if (learner) return learner;
  return { field: 'learner', message: form.learner ? 'Choose a learner from the list' : 'Choose a learner' };
}

export function staffAccount(role: Role, organisation?: Organisation): Account {
  if (!organisation) return { sub: `dev-${role}`, roles: [role], name: `Platform ${role}` };
  return {
    sub: `dev-${role}-${organisation.id}`,
    roles: [role],
    org: organisation.id,
    name: `${capitalised(role)}, ${organisation.name}`,
  };
}

/** A learner's subject is their learner id, as the services expect. */
export function learnerAccount(learner: LearnerChoice): Account {
  return { sub: learner.id, roles: ['learner'], name: learner.name };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
