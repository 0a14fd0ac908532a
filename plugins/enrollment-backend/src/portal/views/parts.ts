import { PortalTextKey } from '@macenroll/plugin-enrollment-common';
import { html, SafeHtml } from '../../lib/markup';
import { PortalMessage, PortalTexts } from '../language/PortalTexts';
import { portalPage } from './layout';

/** What every portal page knows. */
export interface PageContext {
  organization: string;
  supportContact: string;
  /** `{base}/enroll`, for form actions and links. */
  portalPath: string;
  /** The texts in the language of the request. */
  texts: PortalTexts;
}

/** A text of the page's language; `{organization}` is filled everywhere. */
export function say(
  ctx: PageContext,
  key: PortalTextKey,
  values: Record<string, string | SafeHtml> = {},
): SafeHtml {
  return ctx.texts.markup(key, { organization: ctx.organization, ...values });
}

/** A message (an error, say) in the page's language. */
export function sayMessage(ctx: PageContext, message: PortalMessage) {
  return say(ctx, message.key, message.values);
}

function support(ctx: PageContext): SafeHtml {
  return ctx.supportContact
    ? html`<p class="muted">${say(ctx, 'frame.support', {
        contact: ctx.supportContact,
      })}</p>`
    : html``;
}

export function page(
  ctx: PageContext,
  title: PortalTextKey,
  body: SafeHtml,
): string {
  return portalPage({
    title: ctx.texts.text(title, { organization: ctx.organization }),
    organization: ctx.organization,
    lang: ctx.texts.lang,
    header: ctx.texts.text('frame.header'),
    footer: ctx.texts.text('frame.footer', { organization: ctx.organization }),
    body: html`${body}${support(ctx)}`,
    script: `${ctx.portalPath}/portal.js`,
  });
}

export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrf}">`;
}

/** The one place an error is shown: `id="enroll-error"` marks it for tools and tests. */
export function errorBox(message: SafeHtml, next?: SafeHtml): SafeHtml {
  return html`<div class="card error" id="enroll-error" role="alert"><p>${message}</p>${
    next ? html`<p>${next}</p>` : ''
  }</div>`;
}

/** A step list: one item per line of the text. */
export function steps(ctx: PageContext, key: PortalTextKey): SafeHtml {
  return html`<ol>${ctx.texts
    .lines(key)
    .map(line => html`<li>${line}</li>`)}</ol>`;
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
    loginName
      ? html`${say(ctx, 'frame.loggedInAs', {
          name: html`<strong>${loginName}</strong>`,
        })} · `
      : ''
  }<button type="submit">${say(ctx, 'frame.logout')}</button></p>
</form>`;
}
