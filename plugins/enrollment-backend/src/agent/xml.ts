import { decodeEntities, NAME, parseAttributes, XmlError } from './xmlSyntax';

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

export { XmlError };

/**
 * One pass over a document. Every step moves the cursor forward, so the
 * pass runs in time linear in the input.
 */
class XmlReader {
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;
  private count = 0;

  constructor(
    private readonly text: string,
    private readonly limits: XmlLimits,
  ) {}

  read(): XmlElement {
    const { text, stack } = this;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      this.characters(text.slice(i, lt < 0 ? text.length : lt));
      if (lt < 0) break;
      i = this.markup(lt);
    }
    if (stack.length)
      throw new XmlError(`<${stack[stack.length - 1].name}> is not closed`);
    if (!this.root) throw new XmlError('no root element');
    return this.root;
  }

  private get top(): XmlElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  private characters(chunk: string) {
    if (!chunk) return;
    const top = this.top;
    if (top) top.text += decodeEntities(chunk);
    else if (chunk.trim()) throw new XmlError('text outside the root element');
  }

  /** Reads the markup that starts at `lt`; returns where the next piece starts. */
  private markup(lt: number): number {
    const { text } = this;
    if (text.startsWith('<!--', lt)) {
      return this.expectEnd('-->', lt + 4, 'a comment') + 3;
    }
    if (text.startsWith('<![CDATA[', lt)) return this.cdata(lt);
    if (text.startsWith('<?', lt)) {
      return this.expectEnd('?>', lt + 2, 'a processing instruction') + 2;
    }
    if (text.startsWith('<!DOCTYPE', lt)) return this.doctype(lt);
    if (text.startsWith('</', lt)) return this.closingTag(lt);
    return this.openingTag(lt);
  }

  private expectEnd(marker: string, from: number, what: string): number {
    const end = this.text.indexOf(marker, from);
    if (end < 0) throw new XmlError(`${what} is not closed`);
    return end;
  }

  // A quoted attribute value may hold ">".
  private tagEnd(from: number): number {
    const { text } = this;
    for (let j = from; j < text.length; j++) {
      const c = text[j];
      if (c === '>') return j;
      if (c === '"' || c === "'") {
        j = text.indexOf(c, j + 1);
        if (j < 0) break;
      }
    }
    throw new XmlError('a tag is not closed');
  }

  private cdata(lt: number): number {
    const end = this.expectEnd(']]>', lt + 9, 'a CDATA section');
    const top = this.top;
    if (!top) throw new XmlError('CDATA outside the root element');
    top.text += this.text.slice(lt + 9, end);
    return end + 3;
  }

  private doctype(lt: number): number {
    const end = this.expectEnd('>', lt, 'the DOCTYPE');
    if (this.text.slice(lt, end).includes('[')) {
      throw new XmlError('a DOCTYPE with an internal subset is not accepted');
    }
    if (this.root || this.stack.length) {
      throw new XmlError('a DOCTYPE after the root');
    }
    return end + 1;
  }

  private closingTag(lt: number): number {
    const end = this.expectEnd('>', lt, 'a closing tag');
    const name = this.text.slice(lt + 2, end).trim();
    const open = this.stack.pop();
    if (!open || open.name !== name) {
      throw new XmlError(
        `</${name.slice(0, 40)}> does not close ${
          open ? `<${open.name}>` : 'any element'
        }`,
      );
    }
    return end + 1;
  }

  private openingTag(lt: number): number {
    const { limits } = this;
    const end = this.tagEnd(lt + 1);
    let body = this.text.slice(lt + 1, end);
    const selfClosing = body.endsWith('/');
    if (selfClosing) body = body.slice(0, -1);
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    if (!NAME.test(name)) {
      throw new XmlError(`a malformed tag <${name.slice(0, 40)}>`);
    }
    if (++this.count > limits.maxElements) {
      throw new XmlError(`more than ${limits.maxElements} elements`);
    }
    const element: XmlElement = {
      name,
      attributes: parseAttributes(space < 0 ? '' : body.slice(space), name),
      children: [],
      text: '',
    };
    const parent = this.top;
    if (parent) parent.children.push(element);
    else if (this.root) throw new XmlError('more than one root element');
    else this.root = element;
    if (!selfClosing) {
      this.stack.push(element);
      if (this.stack.length > limits.maxDepth) {
        throw new XmlError(`elements nested deeper than ${limits.maxDepth}`);
      }
    }
    return end + 1;
  }
}

/**
 * Reads an XML document into a tree, for the few small documents a flat
 * package holds (its TOC, Distribution, PackageInfo). It runs in time linear
 * in the input; it refuses a DOCTYPE with an internal subset (no entity
 * definitions, so no entity expansion), unknown entities, mismatched tags
 * and documents beyond the limits.
 */
export function parseXml(
  text: string,
  limits: XmlLimits = DEFAULT_LIMITS,
): XmlElement {
  return new XmlReader(text, limits).read();
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
