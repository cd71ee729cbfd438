import type { KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, page } from './page-layout';

/**
 * The pages oidc-provider renders itself, in our layout (its defaults carry inline styles, which the policy refuses).
 * `form` is the provider's own hidden form with its anti-forgery token; the buttons submit it.
 */
export function logoutPage(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = 'html';
  ctx.body = page(
    'Sign out',
    `<h1>Sign out?</h1>
<p>You will be signed out of Credit Bridge. Signing in again will ask who you are.</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>
</div>`,
  );
}

export function signedOutPage(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = page(
    'Signed out',
    `<h1>You have signed out</h1>\n<p>Close this page, or sign in again from the app.</p>`,
  );
}

export function providerErrorPage(
  ctx: KoaContextWithOIDC,
  out: { error: string; error_description?: string },
): void {
  ctx.type = 'html';
  ctx.body = page(
    'Sign-in error',
    `<h1>Sign-in could not go on</h1>
<p><code>${escapeHtml(out.error)}</code>${out.error_description ? `: ${escapeHtml(out.error_description)}` : ''}</p>
<p>Start again from the app.</p>`,
  );
}
