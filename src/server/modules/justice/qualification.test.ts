import { describe, expect, it } from 'vitest';
import { articleRef, articlesOutsideEdition, sameQualification } from './qualification.js';

describe('the qualification of a proceeding', () => {
  it('sees the same articles in another order as no re-qualification', () => {
    expect(sameQualification([{ articleId: 7, part: '3' }, { articleId: 9 }], [{ articleId: 9, part: null }, { articleId: 7, part: '3' }])).toBe(true);
  });

  it('sees a new article, a dropped one, or another part of the same article as a re-qualification', () => {
    expect(sameQualification([{ articleId: 7, part: '3' }], [{ articleId: 11 }])).toBe(false);
    expect(sameQualification([{ articleId: 7, part: '3' }, { articleId: 9 }], [{ articleId: 7, part: '3' }])).toBe(false);
    expect(sameQualification([{ articleId: 7, part: '2' }], [{ articleId: 7, part: '3' }])).toBe(false);
    expect(sameQualification([{ articleId: 7, part: '3', paragraph: '1' }], [{ articleId: 7, part: '3', paragraph: '2' }])).toBe(false);
  });

  it('names the articles of another edition than the Code in force', () => {
    const articles = [{ edition: '2014' as const }, { edition: '1997' as const }, { edition: '2014' as const }];
    expect(articlesOutsideEdition(articles, '2014')).toEqual([1]);
    expect(articlesOutsideEdition(articles, '1997')).toEqual([0, 2]);
    expect(articlesOutsideEdition([], '1997')).toEqual([]);
  });

  it('prints the article with its part and paragraph as each language writes it', () => {
    expect(articleRef('128', '3')).toEqual({ ru: '128 ч.3', kk: '128-бап 3-бөлік', en: '128(3)' });
    expect(articleRef('128', '3', '2')).toEqual({ ru: '128 ч.3 п.2', kk: '128-бап 3-бөлік 2-тармақ', en: '128(3)(2)' });
    expect(articleRef('309', null, null)).toEqual({ ru: '309', kk: '309', en: '309' });
  });

  it('prints an article row that names its part already as the reference table does', () => {
    expect(articleRef('125(3)(b)')).toEqual({ ru: '125(3)(b)', kk: '125(3)(b)', en: '125(3)(b)' });
  });
});
