import { escapeHtml, html, SafeHtml } from './markup';

describe('html', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes interpolations but keeps SafeHtml and arrays of it', () => {
    const items = ['<b>', 'ok'].map(t => html`<li>${t}</li>`);
    // prettier-ignore
    const out = html`<ul title="${'"quoted"'}">${items}${undefined}${false}</ul>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<ul title="&quot;quoted&quot;"><li>&lt;b&gt;</li><li>ok</li></ul>',
    );
  });
});
