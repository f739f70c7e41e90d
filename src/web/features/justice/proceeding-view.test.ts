import { describe, expect, it } from 'vitest';
import type { Organization } from '../organizations/organizations-api.js';
import { articleRefsOf, daysSince, lawEnforcementBodies } from './proceeding-view.js';

function organization(id: string, code: string, lawEnforcement = false): Organization {
  const name = { ru: code, kk: code, en: code };
  return { id, code, kind: 'state_body', abbreviation: name, name, byAgreement: false, parentCode: null, regionCodes: [], publicPhone: null, capacity: null, lawEnforcement };
}

describe('what the investigator’s pages show', () => {
  it('offers the bodies the server holds for law enforcement as registering and investigating bodies, the user’s own first', () => {
    const bodies = lawEnforcementBodies(
      [organization('1', 'MLSP'), organization('2', 'PGO', true), organization('3', 'MIA', true), organization('4', 'NSC-BS', true), organization('5', 'MOH')],
      '3',
    );
    expect(bodies.map((body) => body.code)).toEqual(['MIA', 'PGO', 'NSC-BS']);
  });

  it('prints the articles in force in the reader’s language', () => {
    const article = (ru: string, en: string) => ({ articleId: 1, edition: '2014' as const, article: '128', part: '3', paragraph: null, ref: { ru, kk: ru, en }, title: { ru: 'x', kk: 'x', en: 'x' } });
    expect(articleRefsOf([article('128 ч.3', '128(3)'), article('309 ч.2', '309(2)')], 'ru')).toBe('128 ч.3, 309 ч.2');
    expect(articleRefsOf([article('128 ч.3', '128(3)')], 'en')).toBe('128(3)');
  });

  it('counts whole days since the last movement, never below zero', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(daysSince('2026-10-04T12:00:01Z', now)).toBe(59);
    expect(daysSince('2026-10-04T12:00:00Z', now)).toBe(60);
    expect(daysSince('2026-12-04T00:00:00Z', now)).toBe(0);
  });
});
