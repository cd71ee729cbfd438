/**
 * A browser without scripts, for specs of HTML sign-in flows: keeps cookies (by host and path, dropping expired
 * ones), follows redirects until it leaves for a URL the spec handles itself (the web app's callback), and submits
 * forms as a browser would (application/x-www-form-urlencoded).
 */
export interface Visit {
  readonly url: string;
  readonly status: number;
  readonly html: string;
}

interface Cookie {
  readonly name: string;
  readonly value: string;
  readonly host: string;
  readonly path: string;
}

export class FormBrowser {
  private cookies: Cookie[] = [];

  /** `stopAt` names URLs the browser does not load (their visit has status 0): the spec reads them. */
  constructor(private readonly stopAt: (url: string) => boolean) {}

  get(url: string): Promise<Visit> {
    return this.go(url, { method: 'GET' });
  }

  /** Submits the page's form (the first, or the one whose action contains `actionPart`) with these fields. */
  submit(page: Visit, fields: Record<string, string>, actionPart = ''): Promise<Visit> {
    const form = [...page.html.matchAll(/<form\b[^>]*>/g)]
      .map((match) => match[0])
      .find((tag) => tag.includes(actionPart));
    const action = form && attribute(form, 'action');
    if (!action) throw new Error(`no form with an action on ${page.url}`);
    const body = new URLSearchParams({ ...hiddenFields(page.html), ...fields }).toString();
    return this.go(new URL(action, page.url).toString(), {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private async go(start: string, init: { method: string; body?: string; headers?: Record<string, string> }) {
    let url = start;
    let request = init;
    for (let hops = 0; hops < 20; hops += 1) {
      if (this.stopAt(url)) return { url, status: 0, html: '' };
      const response = await fetch(url, {
        ...request,
        headers: { ...request.headers, cookie: this.cookieHeader(url) },
        redirect: 'manual',
      });
      this.keep(url, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return { url, status: response.status, html: await response.text() };
      await response.body?.cancel();
      url = new URL(location, url).toString();
      // 307 and 308 repeat the request; the others turn it into a GET, as browsers do.
      if (response.status !== 307 && response.status !== 308) request = { method: 'GET' };
    }
    throw new Error(`more than 20 redirects from ${start}`);
  }

  private cookieHeader(url: string): string {
    const { host, pathname } = new URL(url);
    return this.cookies
      .filter((cookie) => cookie.host === host && pathname.startsWith(cookie.path))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  private keep(url: string, setCookies: string[]): void {
    const { host } = new URL(url);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const option = (key: string) =>
        attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = option('path') ?? '/';
      const expires = option('expires');
      const gone = option('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.host === host && c.path === path));
      if (!gone) this.cookies.push({ name, value, host, path });
    }
  }
}

/** The named inputs of the page's hidden fields. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    if (attribute(tag, 'type') === 'hidden' && name) fields[name] = attribute(tag, 'value') ?? '';
  }
  return fields;
}

/** The values a page offers for a field: its radio buttons' and its select's options. */
export function choicesFor(html: string, name: string): string[] {
  const radios = [...html.matchAll(/<input\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attribute(tag, 'name') === name)
    .map((tag) => attribute(tag, 'value') ?? '');
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  const options = [...select.matchAll(/<option\b[^>]*>/g)].map(([tag]) => attribute(tag, 'value') ?? '');
  return [...radios, ...options].filter((value) => value !== '');
}

function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
