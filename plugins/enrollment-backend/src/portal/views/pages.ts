import { ComputerUser, Site } from '@macenroll/plugin-enrollment-common';
import { html, SafeHtml } from '../../lib/markup';
import { csrfField, errorBox, logoutForm, page, PageContext } from './parts';

export type { PageContext } from './parts';

/** A problem, said in the person's words, with what to do next. */
export function problemPage(
  ctx: PageContext,
  title: string,
  message: string,
  next?: string,
  options: { backToPortal?: boolean } = {},
) {
  return page(
    ctx,
    title,
    html`<h1>${title}</h1>
${errorBox(message, next)}${
      options.backToPortal
        ? html`<p><a class="button" id="enroll-back" href="${ctx.portalPath}">Back to the enrollment page</a></p>`
        : ''
    }`,
  );
}

/** After the Mac checked in with the profile from this session. */
export function enrolledPage(ctx: PageContext) {
  return page(
    ctx,
    'Your Mac is enrolled',
    html`<h1>Your Mac is enrolled</h1>
<div class="card" id="enroll-done" role="status"><p>${ctx.organization} now manages this Mac. It receives the apps and settings you need for work over the next minutes.</p>
<p>You can close this page.</p></div>`,
  );
}

export function unsupportedPage(ctx: PageContext, device: string) {
  const what: Record<string, string> = {
    iphone: 'an iPhone',
    ipad: 'an iPad',
    android: 'an Android device',
    windows: 'a Windows PC',
    linux: 'a Linux computer',
    chromeos: 'a Chromebook',
    unknown: 'a device we do not recognize',
  };
  return problemPage(
    ctx,
    'This page is for Macs',
    `You opened the enrollment page on ${
      what[device] ?? what.unknown
    }. This portal enrolls Macs only.`,
    'Open the same link in Safari on the Mac you want to enroll.',
  );
}

export function loginPage(
  ctx: PageContext,
  options: {
    csrf: string;
    intro: string;
    welcome: string;
    error?: string;
    username?: string;
  },
) {
  return page(
    ctx,
    'Log in to enroll your Mac',
    html`<h1>Enroll your Mac</h1>
<p class="text">${options.welcome}</p>
${options.error ? errorBox(options.error) : ''}
<form id="enroll-login" class="card" method="post" action="${
      ctx.portalPath
    }/login">
<p class="text">${options.intro}</p>
${csrfField(options.csrf)}
<label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" required value="${
      options.username ?? ''
    }">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<p><button type="submit">Log in</button></p>
</form>`,
  );
}

export function chooseUserPage(
  ctx: PageContext,
  options: {
    csrf: string;
    query: string;
    results: ComputerUser[];
    error?: string;
  },
) {
  return page(
    ctx,
    'Who is this Mac for?',
    html`<h1>Who is this Mac for?</h1>
<p>You logged in with a local enrollment account. Find the person who will use this Mac, so it is registered to them.</p>
${options.error ? errorBox(options.error) : ''}
<form id="enroll-find-user" class="card" method="get" action="${
      ctx.portalPath
    }">
<label for="q">Name, username or email</label>
<input type="text" id="q" name="q" value="${
      options.query
    }" minlength="2" required>
<p><button type="submit">Search</button></p>
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
    return html`<p>No one matches “${options.query}”.</p>`;
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
<p><button type="submit">This is the person</button></p>
</form>`;
}

export function eulaPage(
  ctx: PageContext,
  options: { csrf: string; text: string },
) {
  return page(
    ctx,
    'License agreement',
    html`<h1>License agreement</h1>
<div class="card"><p style="white-space:pre-wrap">${options.text}</p></div>
<form id="enroll-eula" method="post" action="${ctx.portalPath}/eula">
${csrfField(options.csrf)}
<p><button type="submit" name="accept" value="yes">I accept</button></p>
</form>`,
  );
}

export function sitePage(
  ctx: PageContext,
  options: { csrf: string; sites: Site[] },
) {
  return page(
    ctx,
    'Choose your site',
    html`<h1>Where do you work?</h1>
<form id="enroll-site" class="card" method="post" action="${
      ctx.portalPath
    }/site">
${csrfField(options.csrf)}
<label for="siteId">Site</label>
<select id="siteId" name="siteId" required><option value="" disabled selected>Choose…</option>${options.sites.map(
      s => html`<option value="${s.id}">${s.name}</option>`,
    )}</select>
<p><button type="submit">Continue</button></p>
</form>`,
  );
}

/** The download step: what a Mac of this kind is offered, in order. */
export function downloadsPage(
  ctx: PageContext,
  options: {
    platform: 'mac-modern' | 'mac-legacy';
    links: { ca?: string; profile?: string; quickadd?: string };
    texts: { certificate: string; profile: string; quickadd: string };
    /** Start the first download by itself (portal.js), and say so. */
    autostart: boolean;
    who?: string;
    loginName?: string;
    /** Not Safari: name the browser and the extra step it needs. */
    otherBrowser?: string;
    /** The session's CSRF token, for the Log out button. */
    csrf: string;
  },
) {
  const { links, texts } = options;
  // The first link of the page is the one that starts by itself.
  const first = links.quickadd ?? links.ca ?? links.profile;
  const autostart = (href: string | undefined) =>
    options.autostart && href === first ? new SafeHtml(' data-autostart') : '';
  const steps =
    options.platform === 'mac-legacy'
      ? html`<div class="card"><h2>Install the enrollment package</h2>
<p class="text">${texts.quickadd}</p>
<ol><li>Download the package.</li><li>In your Downloads folder, Control-click the package and choose Open. If macOS says it is from an unidentified developer, choose Open again.</li><li>Follow the installer and enter your Mac’s administrator password when it asks.</li><li>Come back here when it says the installation was successful.</li></ol>
<p><a class="button" id="download-quickadd" href="${links.quickadd!}"${autostart(
          links.quickadd,
        )}>Download the package</a></p></div>`
      : html`${
          links.ca
            ? html`<div class="card"><h2>1. Install the certificate</h2>
<p class="text">${texts.certificate}</p>
<ol><li>Download the certificate.</li><li>Open it: Keychain Access asks where to add it; choose “System”. On macOS 11 and later, open System Settings › Privacy &amp; Security (or System Preferences › Profiles) if asked.</li><li>Come back here.</li></ol>
<p><a class="button" id="download-ca" href="${links.ca}"${autostart(
                links.ca,
              )}>Download the certificate</a></p></div>`
            : ''
        }
<div class="card"><h2>${
          links.ca ? '2. ' : ''
        }Install the management profile</h2>
<p class="text">${texts.profile}</p>
<ol><li>Download the profile.</li><li>Open where macOS keeps it: on macOS 15, System Settings › General › Device Management; on macOS 13 and 14, System Settings › Privacy &amp; Security › Profiles; on macOS 11 and 12, System Preferences › Profiles; on macOS 10.13 to 10.15, double-click the downloaded file.</li><li>Double-click the profile, click Install, and enter your Mac password when macOS asks.</li><li>Come back here: this page says when your Mac is enrolled.</li></ol>
<p><a class="button" id="download-profile" href="${links.profile!}"${autostart(
          links.profile,
        )}>Download the profile</a></p></div>`;
  return page(
    ctx,
    'Install',
    html`<h1>Almost done</h1>
${
  options.who
    ? html`<p>This Mac will be registered to <strong>${options.who}</strong>.</p>`
    : ''
}
${
  options.autostart
    ? html`<p id="enroll-autostart">Your download starts now. If it does not, click the button below.</p>`
    : ''
}
${
  options.otherBrowser && options.platform === 'mac-modern'
    ? html`<p class="card" id="enroll-browser-note">You are using ${options.otherBrowser}. Safari hands the downloaded profile to System Settings by itself; in ${options.otherBrowser}, open the profile from your Downloads folder first, or open this page in Safari.</p>`
    : ''
}
${steps}
<p class="muted" id="enroll-waiting" role="status" aria-live="polite" data-status-url="${
      ctx.portalPath
    }/status">This page changes by itself once your Mac is enrolled.</p>
${logoutForm(ctx, options.csrf, options.loginName)}`,
  );
}
