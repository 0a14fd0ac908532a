/**
 * The language to answer in: the first of the Accept-Language header's
 * languages (by quality, then order) that `available` has, matched without
 * regard to case, then by its primary language (`fr-CH` takes `fr`, `fr`
 * takes `fr-CA`); else `fallback`. A malformed or huge header is ignored,
 * never an error.
 */
export function negotiateLanguage(
  header: string | undefined,
  available: readonly string[],
  fallback: string,
): string {
  if (!header || header.length > 1000 || !available.length) return fallback;
  const wanted = header
    .split(',')
    .slice(0, 50)
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params
        // RFC 9110 §12.4.2: at most 1 (q=1.5 is malformed, so ignored).
        .map(p => /^\s*q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/.exec(p)?.[1])
        .find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q) : 1, order };
    })
    .filter(w => w.q > 0 && /^([a-z]{1,8})(-[a-z0-9]{1,8})*$/.test(w.tag))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const byLower = new Map(available.map(a => [a.toLowerCase(), a]));
  const primary = (tag: string) => tag.split('-')[0];
  for (const { tag } of wanted) {
    const exact = byLower.get(tag) ?? byLower.get(primary(tag));
    if (exact) return exact;
    const sibling = available.find(
      a => primary(a.toLowerCase()) === primary(tag),
    );
    if (sibling) return sibling;
  }
  return fallback;
}
