import { ComputerUser, Site } from '@macenroll/plugin-enrollment-common';
import { html, SafeHtml } from '../../lib/markup';
import { PortalMessage } from '../language/PortalTexts';
import { PortalProblem } from '../problems';
import {
  csrfField,
  errorBox,
  page,
  PageContext,
  say,
  sayMessage,
} from './parts';

export type { PageContext } from './parts';

/** A problem, said in the person's words, with what to do next. */
export function problemPage(ctx: PageContext, problem: PortalProblem) {
  const { texts, values, backToPortal } = problem;
  return page(
    ctx,
    texts.title,
    html`<h1>${say(ctx, texts.title, values)}</h1>
${errorBox(
  say(ctx, texts.detail, values),
  texts.next && say(ctx, texts.next, values),
)}${
      backToPortal
        ? html`<p><a class="button" id="enroll-back" href="${
            ctx.portalPath
          }">${say(ctx, 'problem.backToPortal')}</a></p>`
        : ''
    }`,
  );
}

/** After the Mac checked in with the profile from this session. */
export function enrolledPage(ctx: PageContext) {
  return page(
    ctx,
    'enrolled.heading',
    html`<h1>${say(ctx, 'enrolled.heading')}</h1>
<div class="card" id="enroll-done" role="status"><p>${say(
      ctx,
      'enrolled.text',
    )}</p>
<p>${say(ctx, 'enrolled.close')}</p></div>`,
  );
}

const DEVICES = [
  'iphone',
  'ipad',
  'android',
  'windows',
  'linux',
  'chromeos',
] as const;

export function unsupportedPage(ctx: PageContext, device: string) {
  const known = DEVICES.find(d => d === device) ?? 'unknown';
  return problemPage(
    ctx,
    new PortalProblem(
      200,
      {
        title: 'unsupported.title',
        detail: 'unsupported.detail',
        next: 'unsupported.next',
      },
      { device: ctx.texts.text(`device.${known}`) },
    ),
  );
}

export function loginPage(
  ctx: PageContext,
  options: { csrf: string; error?: PortalMessage; username?: string },
) {
  return page(
    ctx,
    'login.title',
    html`<h1>${say(ctx, 'login.heading')}</h1>
<p class="text">${say(ctx, 'login.welcome')}</p>
${options.error ? errorBox(sayMessage(ctx, options.error)) : ''}
<form id="enroll-login" class="card" method="post" action="${
      ctx.portalPath
    }/login">
<p class="text">${say(ctx, 'login.intro')}</p>
${csrfField(options.csrf)}
<label for="username">${say(ctx, 'login.username')}</label>
<input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" required value="${
      options.username ?? ''
    }">
<label for="password">${say(ctx, 'login.password')}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<p><button type="submit">${say(ctx, 'login.submit')}</button></p>
</form>`,
  );
}

export function chooseUserPage(
  ctx: PageContext,
  options: {
    csrf: string;
    query: string;
    results: ComputerUser[];
    error?: PortalMessage;
  },
) {
  return page(
    ctx,
    'chooseUser.heading',
    html`<h1>${say(ctx, 'chooseUser.heading')}</h1>
<p>${say(ctx, 'chooseUser.intro')}</p>
${options.error ? errorBox(sayMessage(ctx, options.error)) : ''}
<form id="enroll-find-user" class="card" method="get" action="${
      ctx.portalPath
    }">
<label for="q">${say(ctx, 'chooseUser.search')}</label>
<input type="text" id="q" name="q" value="${
      options.query
    }" minlength="2" required>
<p><button type="submit">${say(ctx, 'chooseUser.searchButton')}</button></p>
</form>
${chooseUserResults(ctx, options)}`,
  );
}

function chooseUserResults(
  ctx: PageContext,
  options: { csrf: string; query: string; results: ComputerUser[] },
): SafeHtml | string {
  if (!options.query) return '';
  if (!options.results.length)
    return html`<p>${say(ctx, 'chooseUser.noMatch', {
      query: options.query,
    })}</p>`;
  return html`<form id="enroll-assign-user" class="card" method="post" action="${
    ctx.portalPath
  }/assign">
${csrfField(options.csrf)}
${options.results.map(
  (u, i) =>
    html`<label><input type="radio" name="username" value="${
      u.username ?? ''
    }"${i === 0 ? new SafeHtml(' checked') : ''}> ${
      u.realName ?? u.username
    } (${u.username}${u.email ? html`, ${u.email}` : ''}${
      u.department ? html`, ${u.department}` : ''
    })</label>`,
)}
<p><button type="submit">${say(ctx, 'chooseUser.submit')}</button></p>
</form>`;
}

export function eulaPage(
  ctx: PageContext,
  options: { csrf: string; text: string },
) {
  return page(
    ctx,
    'eula.heading',
    html`<h1>${say(ctx, 'eula.heading')}</h1>
<div class="card"><p style="white-space:pre-wrap">${options.text}</p></div>
<form id="enroll-eula" method="post" action="${ctx.portalPath}/eula">
${csrfField(options.csrf)}
<p><button type="submit" name="accept" value="yes">${say(
      ctx,
      'eula.accept',
    )}</button></p>
</form>`,
  );
}

export function sitePage(
  ctx: PageContext,
  options: { csrf: string; sites: Site[] },
) {
  return page(
    ctx,
    'site.title',
    html`<h1>${say(ctx, 'site.heading')}</h1>
<form id="enroll-site" class="card" method="post" action="${
      ctx.portalPath
    }/site">
${csrfField(options.csrf)}
<label for="siteId">${say(ctx, 'site.label')}</label>
<select id="siteId" name="siteId" required><option value="" disabled selected>${say(
      ctx,
      'site.choose',
    )}</option>${options.sites.map(
      s => html`<option value="${s.id}">${s.name}</option>`,
    )}</select>
<p><button type="submit">${say(ctx, 'site.submit')}</button></p>
</form>`,
  );
}
