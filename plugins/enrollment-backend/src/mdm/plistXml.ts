import { DOMParser } from '@xmldom/xmldom';

/** A property-list value as Apple's XML form carries it. */
export type PlistValue =
  | string
  | number
  | boolean
  | Date
  | Buffer
  | PlistValue[]
  | { [key: string]: PlistValue };

/** The body is not a well-formed XML property list. */
export class PlistSyntaxError extends Error {
  name = 'PlistSyntaxError';
}

// Far above the few levels of real check-ins and reports; past it a
// hostile body would only cost stack.
const MAX_DEPTH = 64;
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const COMMENT = 8;
const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type XmlNode = {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<XmlNode>;
};

/**
 * Parses Apple's XML property list with @xmldom/xmldom directly, given an
 * error handler, so a malformed body is an error here and never a line on
 * the console (plist's own parse gives xmldom none, and xmldom then writes
 * to console.error). Stricter than plist where plist guesses: a document
 * with an XML error, an integer or real that is not a number, data that is
 * not base64, a date that is not one, a key without a value, an unknown
 * element and `__proto__` keys are all refused. Well-formed lists read the
 * same as with plist.
 *
 * @throws PlistSyntaxError
 */
export function parsePlistXml(xml: string): PlistValue {
  let root: XmlNode | null;
  let problem: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        problem = message.split('\n')[0];
        throw new PlistSyntaxError(problem);
      },
    }).parseFromString(xml, 'text/xml');
    root = doc.documentElement as unknown as XmlNode | null;
  } catch (error) {
    // xmldom wraps what the handler threw; the handler's words are clearer.
    throw new PlistSyntaxError(
      `Not well-formed XML: ${problem ?? (error as Error).message}`,
    );
  }
  if (!root || root.nodeName !== 'plist') {
    throw new PlistSyntaxError('The document is not a <plist>');
  }
  const values = elementsOf(root);
  if (values.length !== 1) {
    throw new PlistSyntaxError('A <plist> holds exactly one value');
  }
  return valueOf(values[0], 1);
}

/** The element children, refusing anything but elements, text, CDATA and comments. */
function elementsOf(node: XmlNode): XmlNode[] {
  const elements: XmlNode[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === ELEMENT) elements.push(child);
    else if (child.nodeType === TEXT || child.nodeType === CDATA) {
      if (child.nodeValue?.trim()) {
        throw new PlistSyntaxError(`Text directly inside <${node.nodeName}>`);
      }
    } else if (child.nodeType !== COMMENT) {
      throw new PlistSyntaxError(`Unexpected node in <${node.nodeName}>`);
    }
  }
  return elements;
}

/**
 * The text of a key, number, data or date: at most one text node, as plist
 * reads only the first (so both read the same, or this refuses).
 */
function singleTextOf(node: XmlNode): string {
  const children = Array.from(node.childNodes);
  if (children.length > 1 || (children[0] && children[0].nodeType !== TEXT)) {
    throw new PlistSyntaxError(`<${node.nodeName}> holds only text`);
  }
  return children[0]?.nodeValue ?? '';
}

/** The text of a string: text and CDATA, comments skipped. */
function textOf(node: XmlNode): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT || child.nodeType === CDATA) {
      text += child.nodeValue ?? '';
    } else if (child.nodeType !== COMMENT) {
      throw new PlistSyntaxError(`<${node.nodeName}> holds only text`);
    }
  }
  return text;
}

function valueOf(node: XmlNode, depth: number): PlistValue {
  if (depth > MAX_DEPTH) {
    throw new PlistSyntaxError('The property list is nested too deeply');
  }
  switch (node.nodeName) {
    case 'dict':
      return dictOf(node, depth);
    case 'array':
      return elementsOf(node).map(child => valueOf(child, depth + 1));
    case 'string':
      return textOf(node);
    case 'integer': {
      const text = singleTextOf(node).trim();
      if (!INTEGER.test(text)) {
        throw new PlistSyntaxError(`Not an integer: "${text.slice(0, 40)}"`);
      }
      return parseInt(text, 10);
    }
    case 'real': {
      const text = singleTextOf(node).trim();
      if (!REAL.test(text)) {
        throw new PlistSyntaxError(`Not a real: "${text.slice(0, 40)}"`);
      }
      return parseFloat(text);
    }
    case 'data': {
      const text = singleTextOf(node).replace(/\s+/g, '');
      if (!BASE64.test(text))
        throw new PlistSyntaxError('<data> is not base64');
      return Buffer.from(text, 'base64');
    }
    case 'date': {
      const date = new Date(singleTextOf(node));
      if (Number.isNaN(date.getTime())) {
        throw new PlistSyntaxError('<date> is not a date');
      }
      return date;
    }
    case 'true':
    case 'false':
      if (elementsOf(node).length || textOf(node).trim()) {
        throw new PlistSyntaxError(`<${node.nodeName}/> is empty`);
      }
      return node.nodeName === 'true';
    default:
      throw new PlistSyntaxError(
        `Unknown element <${node.nodeName.slice(0, 40)}>`,
      );
  }
}

function dictOf(node: XmlNode, depth: number): { [key: string]: PlistValue } {
  const children = elementsOf(node);
  if (children.length % 2) {
    throw new PlistSyntaxError('A <dict> key has no value');
  }
  const dict: { [key: string]: PlistValue } = {};
  for (let i = 0; i < children.length; i += 2) {
    if (children[i].nodeName !== 'key') {
      throw new PlistSyntaxError('A <dict> value has no <key>');
    }
    const key = singleTextOf(children[i]);
    // CVE-2022-22912: a __proto__ key would reach Object.prototype.
    if (key === '__proto__') {
      throw new PlistSyntaxError('A __proto__ key is not allowed');
    }
    dict[key] = valueOf(children[i + 1], depth + 1);
  }
  return dict;
}
