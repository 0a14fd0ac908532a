import { html, SafeHtml } from '../../lib/markup';
import { portalPage } from './layout';

/** What every portal page knows. */
export interface PageContext {
  organization: string;
  supportContact: string;
  /** `{base}/enroll`, for form actions and links. */
  portalPath: string;
}

function support(ctx: PageContext): SafeHtml {
  return ctx.supportContact
    ? html`<p class="muted">Need help? Contact ${ctx.supportContact}.</p>`
    : html``;
}

export function page(ctx: PageContext, title: string, body: SafeHtml): string {
  return portalPage({
    title,
    organization: ctx.organization,
    body: html`${body}${support(ctx)}`,
    script: `${ctx.portalPath}/portal.js`,
  });
}

export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrf}">`;
}

/** The one place an error is shown: `id="enroll-error"` marks it for tools and tests. */
export function errorBox(message: string, next?: string): SafeHtml {
  return html`<div class="card error" id="enroll-error" role="alert"><p>${message}</p>${
    next ? html`<p>${next}</p>` : ''
  }</div>`;
}

/** Ends the portal session, e.g. on a shared Mac or to start over as someone else. */
export function logoutForm(
  ctx: PageContext,
  csrf: string,
  loginName?: string,
): SafeHtml {
  return html`<form id="enroll-logout" method="post" action="${
    ctx.portalPath
  }/logout">
${csrfField(csrf)}
<p class="muted">${
    loginName ? html`Logged in as <strong>${loginName}</strong> · ` : ''
  }<button type="submit">Log out</button></p>
</form>`;
}
