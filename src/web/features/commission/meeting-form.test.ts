import { describe, expect, it } from 'vitest';
import { agendaFromText, commissionRequestOf, memberKindFor, responsibleBodies } from './meeting-form.js';

describe('meeting forms', () => {
  it('reads one agenda item per line, without numbering, bullets or blank lines', () => {
    expect(agendaFromText('1. Judicial practice, 2012-2014\n\n2) Assistance to victims\r\n- Action Plan 2015-2017\n  ')).toEqual([
      'Judicial practice, 2012-2014',
      'Assistance to victims',
      'Action Plan 2015-2017',
    ]);
    expect(agendaFromText('2015 results')).toEqual(['2015 results']);
  });

  it('puts the lead body first and names each body once', () => {
    expect(responsibleBodies('MLSP', ['MIA', 'MLSP', 'NGO-UCC'])).toEqual(['MLSP', 'MIA', 'NGO-UCC']);
    expect(responsibleBodies('', ['MIA'])).toEqual(['MIA']);
  });

  it('seats international organizations as observers and shelters as NGOs', () => {
    expect(memberKindFor('international_organization')).toBe('observer');
    expect(memberKindFor('shelter')).toBe('ngo');
    expect(memberKindFor('akimat')).toBe('state_body');
  });

  it('sends a regional commission with its akimat, and a rotation only when both bodies are chosen', () => {
    const draft = {
      level: 'regional' as const,
      akimatCode: 'AKIMAT-KZ-AKM',
      name: { ru: 'Комиссия', kk: 'Комиссия', en: 'Commission' },
      establishedOn: '2015-01-01',
      noticeDays: '14',
      workingBody: 'AKIMAT-KZ-AKM',
      rotationFirst: 'MIA',
      rotationSecond: '',
    };
    expect(commissionRequestOf(draft)).toEqual({
      level: 'regional',
      akimatCode: 'AKIMAT-KZ-AKM',
      name: draft.name,
      establishedOn: '2015-01-01',
      noticeDays: 14,
      workingBody: 'AKIMAT-KZ-AKM',
    });
    const national = commissionRequestOf({ ...draft, level: 'national', rotationSecond: 'MLSP' });
    expect(national).not.toHaveProperty('akimatCode');
    expect(national.rotation).toEqual({ bodies: ['MIA', 'MLSP'], years: 2 });
  });
});
