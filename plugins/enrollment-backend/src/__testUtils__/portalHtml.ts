/** Safari on macOS 11 or later (its User-Agent is frozen at 10_15_7). */
export const SAFARI_14 =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

/** The CSRF token a portal page's forms carry ('' when none). */
export const csrfOf = (html: string) =>
  /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** The href of the portal link with this id, unescaped. */
export const hrefOf = (html: string, id: string) =>
  new RegExp(`id="${id}" href="([^"]+)"`)
    .exec(html)?.[1]
    ?.replace(/&amp;/g, '&');
