import { escapeDnValue, escapeFilterValue } from './escape';

describe('escapeFilterValue (RFC 4515)', () => {
  it.each([
    ['alice', 'alice'],
    ['', ''],
    ['*', '\\2a'],
    ['(', '\\28'],
    [')', '\\29'],
    ['\\', '\\5c'],
    ['\0', '\\00'],
    ['*)(uid=*', '\\2a\\29\\28uid=\\2a'],
    ['alice)(|(uid=*', 'alice\\29\\28|\\28uid=\\2a'],
    ['a\\2a', 'a\\5c2a'],
    ['Lučić', 'Lu\\c4\\8di\\c4\\87'],
    ['é', '\\c3\\a9'],
    ['日本', '\\e6\\97\\a5\\e6\\9c\\ac'],
    ['😀', '\\f0\\9f\\98\\80'],
    // Characters without a meaning in filters stay as they are.
    ['a b=c,d+e"f<g>h;i#j&k|l!m~n:o$&', 'a b=c,d+e"f<g>h;i#j&k|l!m~n:o$&'],
  ])('escapes %j as %j', (value, escaped) => {
    expect(escapeFilterValue(value)).toBe(escaped);
  });
});

describe('escapeDnValue (RFC 4514)', () => {
  it.each([
    ['alice', 'alice'],
    ['', ''],
    ['Smith, John "JJ" + Co', 'Smith\\, John \\"JJ\\" \\+ Co'],
    ['a,b', 'a\\,b'],
    ['a+b', 'a\\+b'],
    ['a"b', 'a\\"b'],
    ['a\\b', 'a\\\\b'],
    ['a<b>c', 'a\\<b\\>c'],
    ['a;b', 'a\\;b'],
    ['a=b', 'a\\=b'],
    ['#1', '\\#1'],
    ['a#1', 'a#1'],
    [' lead', '\\ lead'],
    ['trail ', 'trail\\ '],
    [' ', '\\ '],
    ['  ', '\\ \\ '],
    ['in side', 'in side'],
    ['nul\0', 'nul\\00'],
    ['Lučić', 'Lučić'],
  ])('escapes %j as %j', (value, escaped) => {
    expect(escapeDnValue(value)).toBe(escaped);
  });
});
