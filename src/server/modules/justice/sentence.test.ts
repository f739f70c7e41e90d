import { describe, expect, it } from 'vitest';
import { refuseVerdictFacts, verdictInForce } from './sentence.js';

const imprisonment = (months: number | null) => ({ kind: 'imprisonment' as const, months, fineTenge: null });

describe('what a verdict must name', () => {
  it('takes a conviction with its article and a sentence that says its term or amount', () => {
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, convictionPart: '3', sentence: imprisonment(96) })).toBeNull();
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, sentence: { kind: 'suspended', months: 36, fineTenge: null } })).toBeNull();
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, sentence: { kind: 'fine', months: null, fineTenge: 2_000_000 } })).toBeNull();
  });

  it('refuses a conviction without its article or sentence, naming the missing field', () => {
    expect(refuseVerdictFacts({ outcome: 'convicted', sentence: imprisonment(96) })?.field).toBe('body.convictionArticleId');
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7 })?.field).toBe('body.sentence');
  });

  it('asks imprisonment, restricted freedom and a suspended sentence for their term, and a fine for its amount', () => {
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, sentence: imprisonment(null) })?.field).toBe('body.sentence.months');
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, sentence: { kind: 'restricted_freedom', months: null, fineTenge: null } })?.field).toBe(
      'body.sentence.months',
    );
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, sentence: { kind: 'suspended', months: null, fineTenge: null } })?.field).toBe('body.sentence.months');
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, sentence: { kind: 'fine', months: null, fineTenge: null } })?.field).toBe('body.sentence.fineTenge');
    expect(refuseVerdictFacts({ outcome: 'convicted', convictionArticleId: 7, sentence: { kind: 'fine', months: 12, fineTenge: 500_000 } })?.field).toBe('body.sentence.months');
  });

  it('refuses an article, a part or a sentence on an acquittal or a dismissal', () => {
    expect(refuseVerdictFacts({ outcome: 'acquitted' })).toBeNull();
    expect(refuseVerdictFacts({ outcome: 'dismissed' })).toBeNull();
    expect(refuseVerdictFacts({ outcome: 'acquitted', convictionArticleId: 7 })?.field).toBe('body.convictionArticleId');
    expect(refuseVerdictFacts({ outcome: 'dismissed', convictionPart: '1' })?.field).toBe('body.convictionPart');
    expect(refuseVerdictFacts({ outcome: 'acquitted', sentence: imprisonment(12) })).toEqual({ field: 'body.sentence', message: 'an acquittal carries no sentence' });
  });
});

describe('the verdict in force', () => {
  it('is the latest decided, so an appeal supersedes the first instance, and of one day the latest recorded', () => {
    const first = { id: 1, decidedOn: '2025-06-01', outcome: 'convicted' };
    const appeal = { id: 2, decidedOn: '2025-09-15', outcome: 'acquitted' };
    const sameDayCorrection = { id: 3, decidedOn: '2025-09-15', outcome: 'dismissed' };
    expect(verdictInForce([])).toBeNull();
    expect(verdictInForce([appeal, first])).toBe(appeal);
    expect(verdictInForce([sameDayCorrection, first, appeal])).toBe(sameDayCorrection);
  });
});
