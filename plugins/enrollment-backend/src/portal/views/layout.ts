import { html, SafeHtml } from '../../lib/markup';

const STYLE = `
:root { color-scheme: light dark; --accent: #0a66c2; --muted: #666; }
@media (prefers-color-scheme: dark) { :root { --muted: #a0a0a0; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Helvetica Neue", Arial, sans-serif; background: Canvas; color: CanvasText; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid #8884; }
header .org { font-weight: 600; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
.card { border: 1px solid #8884; border-radius: 12px; padding: 1.25rem 1.5rem; margin: 1rem 0; }
.error { border-color: #c62828; background: #c6282814; }
a.button, button { display: inline-block; background: var(--accent); color: #fff; border: 0; border-radius: 8px; padding: .6rem 1.2rem; font: inherit; text-decoration: none; cursor: pointer; }
label { display: block; margin: .75rem 0 .25rem; font-weight: 500; }
input[type=text], input[type=password] { width: 100%; padding: .55rem .7rem; font: inherit; border: 1px solid #8888; border-radius: 8px; }
select { width: 100%; padding: .5rem; font: inherit; border-radius: 8px; }
.text { white-space: pre-wrap; }
.muted { color: var(--muted); font-size: .9rem; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
footer { color: var(--muted); font-size: .85rem; text-align: center; padding: 2rem 1rem; }
`;

// A laptop in the portal's accent colour, inline: no extra request, no 404.
const FAVICON = new SafeHtml(
  `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect x='2' y='3' width='12' height='8' rx='1' fill='%230a66c2'/%3E%3Crect y='12' width='16' height='2' rx='1' fill='%230a66c2'/%3E%3C/svg%3E" />`,
);

/** The portal's page frame: works without JavaScript, fits a laptop and a phone. */
export function portalPage(options: {
  title: string;
  organization: string;
  /** The language tag of the page's texts. */
  lang: string;
  /** "Device enrollment" and the footer, in the page's language. */
  header: string;
  footer: string;
  body: SafeHtml;
  /** The portal's script (portal.js); pages work without it. */
  script: string;
}): string {
  return html`<!DOCTYPE html>
    <html lang="${options.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        ${FAVICON}
        <title>${options.title} · ${options.organization}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
        <script src="${options.script}" defer></script>
      </head>
      <body>
        <header>
          <span class="org">${options.organization}</span> · ${options.header}
        </header>
        <main>${options.body}</main>
        <footer>${options.footer}</footer>
      </body>
    </html> `.value;
}
