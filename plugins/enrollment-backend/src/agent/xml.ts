/** An element of a parsed XML document: its attributes, child elements and own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (entities decoded), children's excluded. */
  text: string;
}

/** How much of a document the reader accepts. */
export interface XmlLimits {
  maxElements: number;
  maxDepth: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxElements: 200_000, maxDepth: 64 };

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;
const PREDEFINED = new Map<string, string>(
  Object.entries({
    lt: '<',
    gt: '>',
    amp: '&',
    quot: '"',
    apos: "'",
  }),
);

/** Thrown for a document that is not well-formed or exceeds the limits. */
export class XmlError extends Error {
  name = 'XmlError';
}

function decodeEntities(text: string): string {
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

function parseAttributes(source: string, tag: string): Record<string, string> {
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

/**
 * Reads an XML document into a tree, for the few small documents a flat
 * package holds (its TOC, Distribution, PackageInfo). Every step moves the
 * cursor forward, so it runs in time linear in the input; it refuses a
 * DOCTYPE with an internal subset (no entity definitions, so no entity
 * expansion), unknown entities, mismatched tags and documents beyond the
 * limits.
 */
export function parseXml(
  text: string,
  limits: XmlLimits = DEFAULT_LIMITS,
): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const expectEnd = (marker: string, from: number, what: string) => {
    const end = text.indexOf(marker, from);
    if (end < 0) throw new XmlError(`${what} is not closed`);
    return end;
  };
  // A quoted attribute value may hold ">".
  const tagEnd = (from: number) => {
    for (let j = from; j < text.length; j++) {
      const c = text[j];
      if (c === '>') return j;
      if (c === '"' || c === "'") {
        j = text.indexOf(c, j + 1);
        if (j < 0) break;
      }
    }
    throw new XmlError('a tag is not closed');
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk) {
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(chunk);
      else if (chunk.trim())
        throw new XmlError('text outside the root element');
    }
    if (lt < 0) break;

    if (text.startsWith('<!--', lt)) {
      i = expectEnd('-->', lt + 4, 'a comment') + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = expectEnd(']]>', lt + 9, 'a CDATA section');
      const top = stack[stack.length - 1];
      if (!top) throw new XmlError('CDATA outside the root element');
      top.text += text.slice(lt + 9, end);
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      i = expectEnd('?>', lt + 2, 'a processing instruction') + 2;
    } else if (text.startsWith('<!DOCTYPE', lt)) {
      const end = expectEnd('>', lt, 'the DOCTYPE');
      if (text.slice(lt, end).includes('[')) {
        throw new XmlError('a DOCTYPE with an internal subset is not accepted');
      }
      if (root || stack.length) throw new XmlError('a DOCTYPE after the root');
      i = end + 1;
    } else if (text.startsWith('</', lt)) {
      const end = expectEnd('>', lt, 'a closing tag');
      const name = text.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new XmlError(
          `</${name.slice(0, 40)}> does not close ${
            open ? `<${open.name}>` : 'any element'
          }`,
        );
      }
      i = end + 1;
    } else {
      const end = tagEnd(lt + 1);
      let body = text.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const space = body.search(/\s/);
      const name = space < 0 ? body : body.slice(0, space);
      if (!NAME.test(name)) {
        throw new XmlError(`a malformed tag <${name.slice(0, 40)}>`);
      }
      if (++count > limits.maxElements) {
        throw new XmlError(`more than ${limits.maxElements} elements`);
      }
      const element: XmlElement = {
        name,
        attributes: parseAttributes(space < 0 ? '' : body.slice(space), name),
        children: [],
        text: '',
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlError('more than one root element');
      else root = element;
      if (!selfClosing) {
        stack.push(element);
        if (stack.length > limits.maxDepth) {
          throw new XmlError(`elements nested deeper than ${limits.maxDepth}`);
        }
      }
      i = end + 1;
    }
  }
  if (stack.length)
    throw new XmlError(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) throw new XmlError('no root element');
  return root;
}

/** The first child element with this name. */
export function child(
  element: XmlElement,
  name: string,
): XmlElement | undefined {
  return element.children.find(c => c.name === name);
}

/** All child elements with this name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter(c => c.name === name);
}
