import { child, childrenNamed, parseXml, XmlError } from './xml';

describe('parseXml', () => {
  it('reads elements, attributes (quoted ">" too), text, entities and CDATA', () => {
    const root = parseXml(
      '\ufeff<?xml version="1.0"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "x.dtd">\n' +
        '<!-- a comment with <tags> -->' +
        `<r a="1 &gt; 0" b='it&apos;s'><t>A &amp; B &#233;&#x1F600;</t>` +
        '<s><![CDATA[<not a tag> & raw]]></s><t/></r>',
    );
    expect(root.name).toBe('r');
    expect(root.attributes).toEqual({ a: '1 > 0', b: "it's" });
    expect(child(root, 't')?.text).toBe('A & B é😀');
    expect(child(root, 's')?.text).toBe('<not a tag> & raw');
    expect(childrenNamed(root, 't')).toHaveLength(2);
  });

  it.each([
    ['<a>', '<a> is not closed'],
    ['<a></b>', '</b> does not close <a>'],
    ['<a/><b/>', 'more than one root element'],
    ['text', 'text outside the root element'],
    ['', 'no root element'],
    ['<a x=1/>', 'the attribute x of <a> is not quoted'],
    ['<a x="1" x="2"/>', '<a> has the attribute x twice'],
    ['<a x="1"y="2"/>', 'attributes of <a> are not separated by space'],
    ['<a>&nbsp;</a>', 'the entity "&nbsp;" is not one XML predefines'],
    ['<a>&toString;</a>', 'the entity "&toString;" is not one XML predefines'],
    ['<a>&#0;</a>', 'the entity "&#0;"'],
    ['<a>AT&T</a>', 'a bare "&"'],
    [
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      'DOCTYPE with an internal subset',
    ],
    ['<a><!-- open</a>', 'a comment is not closed'],
    ['<1a/>', 'a malformed tag <1a>'],
    ['<a x="<"/>', 'a "<" in the attribute x'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseXml(text)).toThrow(XmlError);
    expect(() => parseXml(text)).toThrow(message);
  });

  it('stops at the element and depth limits', () => {
    const limits = { maxElements: 10, maxDepth: 3 };
    expect(() => parseXml(`<a>${'<b/>'.repeat(10)}</a>`, limits)).toThrow(
      'more than 10 elements',
    );
    expect(() => parseXml('<a><b><c><d/></c></b></a>', limits)).not.toThrow();
    expect(() => parseXml('<a><b><c><d></d></c></b></a>', limits)).toThrow(
      'elements nested deeper than 3',
    );
  });

  it('takes linear time on pathological input', () => {
    const started = Date.now();
    for (const text of [
      '<'.repeat(1_000_000),
      `<a x="${'"'.repeat(1_000_000)}`,
      `<a>${'&'.repeat(1_000_000)}</a>`,
      `<a>${'<!--'.repeat(250_000)}`,
    ]) {
      expect(() => parseXml(text)).toThrow(XmlError);
    }
    const attributes = Array.from(
      { length: 100_000 },
      (_, i) => `a${i}="${i}"`,
    );
    expect(
      Object.keys(parseXml(`<a ${attributes.join(' ')}/>`).attributes),
    ).toHaveLength(100_000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
