import { parseRecipients } from './parseRecipients';

describe('parseRecipients', () => {
  it('splits on commas, semicolons, spaces and new lines', () => {
    expect(
      parseRecipients('a@x.org, b@x.org;c@x.org\n d@x.org\te@x.org;;\n').valid,
    ).toEqual(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org']);
  });

  it('drops duplicates case-insensitively, keeping the first spelling', () => {
    expect(
      parseRecipients('Jane@X.org jane@x.org JANE@x.ORG bob@x.org'),
    ).toEqual({
      valid: ['Jane@X.org', 'bob@x.org'],
      invalid: [],
      duplicates: 2,
    });
  });

  it('names every entry that is not an address, once', () => {
    expect(
      parseRecipients('foo@ a@x.org bar foo@ <c@x.org> d@localhost').invalid,
    ).toEqual(['foo@', 'bar', '<c@x.org>', 'd@localhost']);
  });

  it('reads nothing from blank text', () => {
    expect(parseRecipients(' \n ,; ')).toEqual({
      valid: [],
      invalid: [],
      duplicates: 0,
    });
  });
});
