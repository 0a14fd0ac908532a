import { html, SafeHtml } from '../../lib/markup';
import { MacRequirements } from '../requirements';
import { logoutForm, page, PageContext, say, steps } from './parts';
import { requirementsPart } from './requirementsPart';

/** The download step: what a Mac of this kind is offered, in order. */
export function downloadsPage(
  ctx: PageContext,
  options: {
    platform: 'mac-modern' | 'mac-legacy';
    links: { ca?: string; profile?: string; quickadd?: string };
    /** Start the first download by itself (portal.js), and say so. */
    autostart: boolean;
    who?: string;
    loginName?: string;
    /** Not Safari: name the browser and the extra step it needs. */
    otherBrowser?: string;
    /** The session's CSRF token, for the Log out button. */
    csrf: string;
    /** What the device rules ask of the Mac, said before any download. */
    requirements?: MacRequirements;
  },
) {
  const { links } = options;
  // The first link of the page is the one that starts by itself.
  const first = links.quickadd ?? links.ca ?? links.profile;
  const autostart = (href: string | undefined) =>
    options.autostart && href === first ? new SafeHtml(' data-autostart') : '';
  const card = (
    kind: 'certificate' | 'profile' | 'quickadd',
    id: string,
    href: string,
    number = '',
  ) => html`<div class="card"><h2>${number}${say(ctx, `${kind}.heading`)}</h2>
<p class="text">${say(ctx, `${kind}.text`)}</p>
${steps(ctx, `${kind}.steps`)}
<p><a class="button" id="${id}" href="${href}"${autostart(href)}>${say(
    ctx,
    `${kind}.button`,
  )}</a></p></div>`;
  const cards =
    options.platform === 'mac-legacy'
      ? card('quickadd', 'download-quickadd', links.quickadd!)
      : html`${
          links.ca ? card('certificate', 'download-ca', links.ca, '1. ') : ''
        }
${card('profile', 'download-profile', links.profile!, links.ca ? '2. ' : '')}`;
  return page(
    ctx,
    'downloads.title',
    html`<h1>${say(ctx, 'downloads.heading')}</h1>
${
  options.who
    ? html`<p>${say(ctx, 'downloads.registeredTo', {
        name: html`<strong>${options.who}</strong>`,
      })}</p>`
    : ''
}
${
  options.autostart
    ? html`<p id="enroll-autostart">${say(ctx, 'downloads.autostart')}</p>`
    : ''
}
${
  options.otherBrowser && options.platform === 'mac-modern'
    ? html`<p class="card" id="enroll-browser-note">${say(
        ctx,
        'downloads.otherBrowser',
        { browser: options.otherBrowser },
      )}</p>`
    : ''
}
${requirementsPart(ctx, options.requirements)}
${cards}
<p class="muted" id="enroll-waiting" role="status" aria-live="polite" data-status-url="${
      ctx.portalPath
    }/status">${say(ctx, 'downloads.waiting')}</p>
${logoutForm(ctx, options.csrf, options.loginName)}`,
  );
}
