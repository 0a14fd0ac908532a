import { normalizeRecipients } from './recipients';

describe('normalizeRecipients', () => {
  it('trims and removes duplicates regardless of case, keeping the first spelling', () => {
    expect(
      normalizeRecipients([
        ' Alice@Example.com',
        'alice@example.com',
        'bob@example.co.uk',
      ]),
    ).toEqual(['Alice@Example.com', 'bob@example.co.uk']);
  });

  it('names every invalid address', () => {
    expect(() =>
      normalizeRecipients([
        'ok@example.com',
        'foo@',
        'a b@example.com',
        'x@localhost',
        'y@ex,ample.com',
      ]),
    ).toThrow(
      'Not valid email addresses: "foo@", "a b@example.com", "x@localhost", "y@ex,ample.com". Correct or remove them and try again.',
    );
  });

  it('refuses header injection', () => {
    expect(() =>
      normalizeRecipients(['a@example.com\r\nBcc: x@evil.com']),
    ).toThrow(/Not valid email addresses/);
  });
});
