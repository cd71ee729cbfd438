/** The provider's pages: plain HTML with one stylesheet of our own, no scripts, under a strict policy. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: names come from the enrolment service, never trusted as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/**
 * Only our own stylesheet loads; forms post to this provider, and its answers redirect to the web app (Chromium
 * applies form-action to those redirects too), so the app's origins are allowed as form targets.
 */
export function pageHeaders(formTargets: readonly string[]): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      "base-uri 'none'",
      `form-action 'self' ${[...new Set(formTargets)].join(' ')}`.trim(),
      "frame-ancestors 'none'",
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Credit Bridge development sign-in</title>
<link rel="stylesheet" href="/assets/sign-in.css">
</head>
<body>
<header class="banner"><p>Credit Bridge <strong class="tag">Development only</strong></p></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

export interface ErrorItem {
  readonly field: string;
  readonly message: string;
}

/** The error summary at the top of a form: each message links to its field. */
export function errorSummary(errors: readonly ErrorItem[]): string {
  if (errors.length === 0) return '';
  const items = errors
    .map(({ field, message }) => `<li><a href="#${field}">${escapeHtml(message)}</a></li>`)
    .join('');
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${items}</ul>
</div>`;
}

export function fieldError(errors: readonly ErrorItem[], field: string): string {
  const error = errors.find((item) => item.field === field);
  return error
    ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>`
    : '';
}

export function messagePage(title: string, paragraphs: readonly string[]): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>\n${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}`,
  );
}
