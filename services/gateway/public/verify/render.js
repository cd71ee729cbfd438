import { el } from './dom.js';
import { formatDateTime, summaryOf } from './summary.js';

/** The overall result in words and a tone; tones are also told apart by words and borders, never colour alone. */
const STATUSES = {
  valid: { word: 'Valid', tone: 'good' },
  invalid: { word: 'Not valid', tone: 'bad' },
  revoked: { word: 'Revoked', tone: 'bad' },
  'untrusted-issuer': { word: 'Issuer not trusted', tone: 'bad' },
  suspended: { word: 'Suspended', tone: 'warn' },
  expired: { word: 'Expired', tone: 'warn' },
  'not-yet-valid': { word: 'Not yet valid', tone: 'warn' },
  unverifiable: { word: 'Could not be checked', tone: 'unknown' },
};

const OUTCOMES = {
  passed: { word: 'Passed', mark: '✓' },
  failed: { word: 'Failed', mark: '✗' },
  skipped: { word: 'Not applicable', mark: '–' },
  error: { word: 'Could not check', mark: '?' },
};

/**
 * A verification result: the verdict first, then what the credential certifies, the credentials a learner record
 * (CLR 2.0) holds with each one's own result, then every check.
 */
export function resultView(result) {
  // An unknown status is never shown as valid.
  const status = known(STATUSES, result.status) ?? STATUSES.unverifiable;
  const held = Array.isArray(result.heldCredentials)
    ? result.heldCredentials.filter((one) => one !== null && typeof one === 'object')
    : [];
  return [
    banner(status, result),
    certifies(result),
    ...(held.length > 0 ? [heldView(held)] : []),
    checksView(result.checks),
  ];
}

/** Each credential a learner record holds: its own verdict, why (when revoked or suspended) and what it certifies. */
function heldView(held) {
  return el(
    'section',
    { class: 'held', 'aria-labelledby': 'held-heading' },
    el('h3', { id: 'held-heading' }, 'Credentials this record holds'),
    el(
      'ol',
      { class: 'held__list' },
      held.map((one) => {
        const status = known(STATUSES, one.status) ?? STATUSES.unverifiable;
        const reason = (one.status === 'revoked' || one.status === 'suspended') && text(one.reason);
        const rows = summaryOf(one.summary ?? {});
        return el(
          'li',
          { class: `held__item held__item--${status.tone}`, 'data-status': String(one.status) },
          el('p', { class: 'held__status' }, el('strong', {}, status.word)),
          reason ? el('p', {}, el('strong', {}, 'Why: '), reason) : undefined,
          rows.length > 0
            ? el(
                'dl',
                { class: 'facts' },
                rows.map(([term, value]) =>
                  el('div', { class: 'facts__row' }, el('dt', {}, term), el('dd', {}, value)),
                ),
              )
            : undefined,
        );
      }),
    ),
  );
}

export function problemView(problem) {
  return [
    el(
      'div',
      { class: 'banner banner--unknown' },
      el('h2', { class: 'banner__title', tabindex: '-1', 'data-focus': '' }, problem.title),
      el('p', {}, problem.message),
      problem.details.length > 0
        ? el(
            'ul',
            {},
            problem.details.map((detail) => el('li', {}, detail)),
          )
        : undefined,
    ),
  ];
}

export function checkingView() {
  return [el('p', { class: 'checking' }, 'Checking the credential…')];
}

function banner(status, result) {
  const showReason = (result.status === 'revoked' || result.status === 'suspended') && text(result.reason);
  return el(
    'div',
    { class: `banner banner--${status.tone}`, 'data-status': result.status },
    el(
      'h2',
      { class: 'banner__title', tabindex: '-1', 'data-focus': '' },
      el('span', { class: 'visually-hidden' }, 'Result: '),
      status.word,
    ),
    text(result.headline) ? el('p', { class: 'banner__headline' }, result.headline) : undefined,
    showReason ? el('p', { class: 'banner__reason' }, el('strong', {}, 'Why: '), result.reason) : undefined,
    text(result.checkedAt)
      ? el('p', { class: 'banner__checked' }, `Checked ${formatDateTime(result.checkedAt)}`)
      : undefined,
    snapshotView(result.snapshot),
  );
}

/** An offline bundle's result: its statuses are as last known at its snapshot, with a warning when that is old. */
function snapshotView(snapshot) {
  if (!snapshot || !text(snapshot.takenAt)) return undefined;
  return [
    el(
      'p',
      { class: 'banner__snapshot' },
      el('strong', {}, 'Offline bundle: '),
      `revocation and suspension as last known at ${formatDateTime(snapshot.takenAt)}. `,
      // The service decides trust: the file's own trust-list entry and keys are never taken for it.
      'The issuer and its keys were checked against our trust list and records, not against the file itself.',
    ),
    text(snapshot.warning)
      ? el('p', { class: 'banner__warning' }, el('strong', {}, 'Warning: '), snapshot.warning)
      : undefined,
  ];
}

function certifies(result) {
  const rows = summaryOf(result.summary ?? {});
  return el(
    'section',
    { class: 'certifies', 'aria-labelledby': 'certifies-heading' },
    el('h3', { id: 'certifies-heading' }, 'What this credential certifies'),
    result.status === 'valid'
      ? undefined
      : el(
          'p',
          { class: 'caution' },
          'This credential did not pass every check: do not rely on what it says.',
        ),
    rows.length === 0
      ? el('p', {}, 'Nothing could be read from this credential.')
      : el(
          'dl',
          { class: 'facts' },
          rows.map(([term, value]) =>
            el('div', { class: 'facts__row' }, el('dt', {}, term), el('dd', {}, value)),
          ),
        ),
  );
}

function checksView(checks) {
  const list = Array.isArray(checks)
    ? checks.filter((check) => check !== null && typeof check === 'object')
    : [];
  return el(
    'section',
    { class: 'checks', 'aria-labelledby': 'checks-heading' },
    el('h3', { id: 'checks-heading' }, 'Checks'),
    el(
      'ol',
      { class: 'checks__list' },
      list.map((check) => {
        const name = known(OUTCOMES, check.outcome) ? check.outcome : 'error';
        const outcome = OUTCOMES[name];
        return el(
          'li',
          { class: `check check--${name}` },
          el(
            'span',
            { class: 'check__outcome' },
            el('span', { 'aria-hidden': 'true' }, `${outcome.mark} `),
            outcome.word,
          ),
          el('span', { class: 'check__title' }, String(check.title ?? check.id ?? '')),
          text(check.message) ? el('span', { class: 'check__message' }, check.message) : undefined,
        );
      }),
    ),
  );
}

function text(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Own entries only: a value such as "toString" from the API must not find something of Object's. */
function known(table, key) {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
