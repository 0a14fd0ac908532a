/** Thrown for a document that is not well-formed or exceeds the limits. */
export class XmlError extends Error {
  name = 'XmlError';
}

/** An XML name, as this reader accepts it in tags and attributes. */
export const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

const PREDEFINED = new Map<string, string>(
  Object.entries({
    lt: '<',
    gt: '>',
    amp: '&',
    quot: '"',
    apos: "'",
  }),
);

/**
 * Character data with its references replaced. Only the five predefined
 * entities and character references exist: the reader accepts no entity
 * definitions, so nothing can expand.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]{0,10});?/g, (match, ref: string) => {
    if (!match.endsWith(';'))
      throw new XmlError(`a bare "&" in "${text.slice(0, 40)}"`);
    const predefined = PREDEFINED.get(ref);
    if (predefined !== undefined) return predefined;
    let code = NaN;
    if (/^#x[0-9A-Fa-f]{1,6}$/.test(ref)) code = parseInt(ref.slice(2), 16);
    else if (/^#[0-9]{1,7}$/.test(ref)) code = parseInt(ref.slice(1), 10);
    if (
      !Number.isInteger(code) ||
      code === 0 ||
      code > 0x10ffff ||
      (code >= 0xd800 && code <= 0xdfff)
    ) {
      throw new XmlError(`the entity "&${ref};" is not one XML predefines`);
    }
    return String.fromCodePoint(code);
  });
}

/**
 * The attributes written after a tag's name. A prototype-less record, so
 * an attribute named "__proto__" or "constructor" is only data.
 */
export function parseAttributes(
  source: string,
  tag: string,
): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null);
  let i = 0;
  while (i < source.length) {
    while (i < source.length && /\s/.test(source[i])) i++;
    if (i >= source.length) break;
    const eq = source.indexOf('=', i);
    if (eq < 0) throw new XmlError(`a malformed attribute in <${tag}>`);
    const name = source.slice(i, eq).trim();
    if (!NAME.test(name))
      throw new XmlError(`a malformed attribute in <${tag}>`);
    let q = eq + 1;
    while (q < source.length && /\s/.test(source[q])) q++;
    const quote = source[q];
    if (quote !== '"' && quote !== "'") {
      throw new XmlError(`the attribute ${name} of <${tag}> is not quoted`);
    }
    const end = source.indexOf(quote, q + 1);
    if (end < 0)
      throw new XmlError(`the attribute ${name} of <${tag}> is not closed`);
    const value = source.slice(q + 1, end);
    if (value.includes('<')) {
      throw new XmlError(`a "<" in the attribute ${name}`);
    }
    if (name in attributes) {
      throw new XmlError(`<${tag}> has the attribute ${name} twice`);
    }
    attributes[name] = decodeEntities(value);
    i = end + 1;
    if (i < source.length && !/\s/.test(source[i])) {
      throw new XmlError(`attributes of <${tag}> are not separated by space`);
    }
  }
  return attributes;
}
