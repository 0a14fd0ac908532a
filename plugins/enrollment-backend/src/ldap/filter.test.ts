import { BerWriter, FilterParser } from 'ldapts';
import { escapeFilterValue } from './escape';
import { fillFilter, filterSyntaxError, forLdapts } from './filter';

/** The BER bytes ldapts would send for a filter string. */
function wire(filter: string): Buffer {
  const writer = new BerWriter();
  FilterParser.parseString(filter).write(writer);
  return writer.buffer;
}

describe('fillFilter', () => {
  it.each([
    ['(uid={username})', 'username', 'alice', '(uid=alice)'],
    [
      '(|(uid={username})(mail={username}))',
      'username',
      'bob',
      '(|(uid=bob)(mail=bob))',
    ],
    ['(uid={username})', 'username', '$&$1$$', '(uid=$&$1$$)'],
    ['(member={dn})', 'dn', 'uid=a\\5c,dc=x', '(member=uid=a\\5c,dc=x)'],
    ['(uid={user})', 'username', 'x', '(uid={user})'],
  ])('fills %s {%s} with %s', (template, name, value, filled) => {
    expect(fillFilter(template, name, value)).toBe(filled);
  });
});

describe('forLdapts', () => {
  it.each([
    ['(cn=\\c3\\a9)', '(cn=é)'],
    ['(cn=*Lu\\c4\\8di\\c4\\87*)', '(cn=*Lučić*)'],
    ['(cn=\\F0\\9F\\98\\80)', '(cn=😀)'],
    // Escapes below 0x80 keep their meaning: they must stay escaped.
    ['(cn=\\2a\\28\\29\\5c\\00)', '(cn=\\2a\\28\\29\\5c\\00)'],
    ['(cn=\\5cc3)', '(cn=\\5cc3)'],
    // Not UTF-8: left as it was.
    ['(cn=\\ff\\fe)', '(cn=\\ff\\fe)'],
    ['(cn=plain)', '(cn=plain)'],
  ])('rewrites %s as %s', (filter, rewritten) => {
    expect(forLdapts(filter)).toBe(rewritten);
  });

  it('makes ldapts send the UTF-8 bytes of an escaped value', () => {
    const value = 'Zoë Šimić 日本';
    const filter = `(cn=${escapeFilterValue(value)})`;
    const expected = wire(`(cn=${value})`);
    expect(wire(forLdapts(filter))).toEqual(expected);
    // Without the rewrite ldapts double-encodes; if it stops doing so, the
    // rewrite is harmless but may be removed.
    expect(wire(filter)).not.toEqual(expected);
    expect(expected.includes(Buffer.from(value, 'utf8'))).toBe(true);
  });
});

describe('filterSyntaxError', () => {
  it('accepts filters and names what is wrong with others', () => {
    expect(filterSyntaxError('(&(objectClass=person)(uid=x))')).toBeUndefined();
    expect(filterSyntaxError('uid=x')).toMatch(/parenthes/);
    expect(filterSyntaxError('(uid=x')).toBeDefined();
  });
});
