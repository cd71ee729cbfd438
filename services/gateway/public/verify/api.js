/**
 * Talks to the verification API. Every call resolves to `{ result }` (a VerificationResult) or `{ problem }`
 * (a title, a sentence and details in plain words); none throws.
 */
const VERIFY_URL = '/api/credentials/verify';

export async function verifyText(text, holderEmail = '') {
  const trimmed = text.trim();
  if (trimmed === '') return problemOf('Nothing to check', 'Paste a credential into the box first.');
  const credential = trimmed.startsWith('{') ? parseJson(trimmed) : trimmed;
  if (credential === undefined) return notJson();
  return send(VERIFY_URL, jsonRequest(credential, holderEmail));
}

export async function verifyFile(file, holderEmail = '') {
  if (!file) return problemOf('No file chosen', 'Choose the PDF certificate, a .jwt or a .json file first.');
  if (await isPdf(file)) {
    const query = holderEmail.trim() ? `?holderEmail=${encodeURIComponent(holderEmail.trim())}` : '';
    return send(`${VERIFY_URL}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: file,
    });
  }
  const text = (await file.text()).trim();
  const wantsJson = /\.json$/i.test(file.name) || text.startsWith('{');
  const credential = wantsJson ? parseJson(text) : text;
  if (credential === undefined) return notJson();
  return send(VERIFY_URL, jsonRequest(credential, holderEmail));
}

export async function verifyShared(token) {
  const url = `/api/credentials/shared/${encodeURIComponent(token)}/verification`;
  return send(url, { method: 'GET' }, { 400: BROKEN_LINK, 404: BROKEN_LINK });
}

/** A share link refused as malformed (400) or unknown (404): what the person can do about it. */
const BROKEN_LINK = {
  title: 'This link does not work',
  message:
    'The link is incomplete, not known, or the learner has withdrawn it. Check that it was copied whole, or ask the learner for a new link or for the credential file.',
  details: [],
};

async function isPdf(file) {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return true;
  return (await file.slice(0, 5).text()) === '%PDF-';
}

/** The holder's email goes only when one was typed: without it the holder check is skipped. */
function jsonRequest(credential, holderEmail) {
  const email = holderEmail.trim();
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(email ? { credential, holderEmail: email } : { credential }),
  };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function send(url, request, problems = {}) {
  let response;
  try {
    response = await fetch(url, {
      ...request,
      headers: { accept: 'application/json', ...request.headers },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return problemOf(
      'Could not reach the verification service',
      'Check your internet connection, then try again.',
    );
  }
  const body = await response.json().catch(() => undefined);
  if (response.ok && isResult(body)) return { result: body };
  if (response.ok) return problemOf('The answer could not be read', 'Try again in a few minutes.');
  if (Object.hasOwn(problems, response.status)) return { problem: problems[response.status] };
  return { problem: problemFor(response.status, body) };
}

function isResult(body) {
  return typeof body?.status === 'string' && Array.isArray(body.checks);
}

/** What each kind of refusal means for the person checking, in their words rather than HTTP's. */
function problemFor(status, body) {
  const said = typeof body?.message === 'string' ? body.message : undefined;
  const details = Array.isArray(body?.errors) ? body.errors.map(detailOf).filter(Boolean) : [];
  switch (status) {
    case 400:
    case 422:
      return {
        title: 'This could not be read as a credential',
        message: said ?? 'Check what you pasted or chose.',
        details,
      };
    case 413:
      return {
        title: 'This is too large to check',
        message: 'A credential is small: check that you chose the PDF certificate or the credential file.',
        details: [],
      };
    case 415:
      return {
        title: 'This kind of file cannot be checked',
        message: 'Choose a PDF certificate, a .jwt or a .json file.',
        details: [],
      };
    case 429:
      return {
        title: 'Too many checks in a short time',
        message: 'Wait a minute, then try again.',
        details: [],
      };
    default:
      return {
        title: 'The credential could not be checked just now',
        message: 'The verification service did not answer as expected. Try again in a few minutes.',
        details: [],
      };
  }
}

function detailOf(error) {
  const message = typeof error?.message === 'string' ? error.message : undefined;
  const where = error?.path ?? error?.field;
  if (!message) return undefined;
  return typeof where === 'string' && where !== '' ? `${where}: ${message}` : message;
}

function problemOf(title, message) {
  return { problem: { title, message, details: [] } };
}

function notJson() {
  return problemOf('This is not valid JSON', 'Paste or choose the credential exactly as it was downloaded.');
}
