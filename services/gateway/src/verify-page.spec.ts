import type { INestApplication } from '@nestjs/common';
import { startGateway } from './gateway';
import { loadGatewayConfig } from './gateway-config';

/** The page and its files as served: what the browser spec takes for granted, checked without a browser. */
describe('verification page, as served', () => {
  let gateway: INestApplication;
  let url: string;

  beforeAll(async () => {
    gateway = await startGateway(loadGatewayConfig({ NODE_ENV: 'test', PORT: '0' }));
    url = await gateway.getUrl();
  });

  afterAll(() => gateway.close());

  it('serves /verify as HTML under a strict Content-Security-Policy, without a login', async () => {
    const page = await fetch(`${url}/verify?share=abc`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<meta name="viewport"');
    // Every script is a file of ours; none is inline, so the policy allows them all.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((tag) => tag[0]);
    expect(scripts).toEqual(['<script type="module" src="/assets/verify/verify.js">']);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('serves every file the page links to, and no dotfile nor anything outside the public folder', async () => {
    const html = await (await fetch(`${url}/verify`)).text();
    const linked = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(linked).toHaveLength(3);
    for (const path of [...linked, '/assets/verify/api.js', '/assets/verify/render.js']) {
      const file = await fetch(`${url}${path}`);
      expect([path, file.status]).toEqual([path, 200]);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const script = await fetch(`${url}/assets/verify/verify.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain("from './api.js'");
    expect((await fetch(`${url}/assets/.swcrc`)).status).toBe(404);
    expect((await fetch(`${url}/assets/%2e%2e/src/gateway.ts`)).status).toBe(404);
  });
});
