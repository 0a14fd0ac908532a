import { negotiateLanguage } from './negotiateLanguage';

describe('negotiateLanguage', () => {
  const available = ['en', 'fr', 'de-CH', 'pt-BR'];

  it.each([
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en;q=0.5, fr;q=0.9', 'fr'],
    ['DE-ch', 'de-CH'],
    ['de', 'de-CH'],
    ['pt', 'pt-BR'],
    ['it, de;q=0.1', 'de-CH'],
    ['it', 'en'],
    ['fr;q=0, en', 'en'],
    ['*', 'en'],
    [undefined, 'en'],
    ['', 'en'],
    [';;;,,,q=', 'en'],
    ['<script>', 'en'],
    [`${'fr,'.repeat(600)}`, 'en'],
  ])('answers %j in %s', (header, expected) => {
    expect(negotiateLanguage(header, available, 'en')).toBe(expected);
  });
});
