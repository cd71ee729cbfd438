import { el } from './dom.js';

/** The summary's facts as [term, value] rows, in the order a reader asks about them; missing facts are left out. */
export function summaryOf(summary) {
  const results = Array.isArray(summary.results) ? summary.results.filter(text) : [];
  const rows = [
    ['Learner', text(summary.learnerName)],
    ['Course', courseOf(summary)],
    ['Credits', creditsOf(summary)],
    ['Level', text(summary.level)],
    [results.length > 1 ? 'Results' : 'Result', resultsOf(results)],
    ['Awarded by', text(summary.awardingBody)],
    ['Delivered by', text(summary.deliveringPartner)],
    ['Awarded on', text(summary.awardedOn) && formatDate(summary.awardedOn)],
    ['Valid until', text(summary.validUntil) && formatDate(summary.validUntil)],
    ['Credential', text(summary.credentialId)],
  ];
  return rows.filter(([, value]) => value !== undefined);
}

function courseOf(summary) {
  const course = text(summary.course);
  const code = text(summary.courseCode);
  if (course && code) return `${course} (${code})`;
  return course ?? code;
}

function creditsOf(summary) {
  if (typeof summary.credits !== 'number' || !Number.isFinite(summary.credits)) return undefined;
  return `${summary.credits} ${text(summary.creditScheme) ?? 'credits'}`;
}

function resultsOf(results) {
  if (results.length === 0) return undefined;
  if (results.length === 1) return results[0];
  return el(
    'ul',
    { class: 'facts__list' },
    results.map((result) => el('li', {}, result)),
  );
}

/** "2026-12-01" or a full timestamp as "1 December 2026"; anything else as it came. */
export function formatDate(value) {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatDateTime(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function text(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
