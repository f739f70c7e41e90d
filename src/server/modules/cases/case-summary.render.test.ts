import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/case.schemas.js';
import { personIdentitySchema, type PersonIdentity } from '../../../shared/person.schemas.js';
import { caseSummaryDocument } from './case-summary.render.js';
import type { CaseSummaryForPrint } from './case-summary.service.js';

const ngo = '6a1c3e7e-0c57-4c9e-9a53-2f4f1d1b9a01';
const shelter = '6a1c3e7e-0c57-4c9e-9a53-2f4f1d1b9a02';

const detail: CaseDetail = {
  summary: {
    id: '0b9d7c52-4f44-4b53-8f0e-5a1f7f1e1a10',
    code: 'AST-26-3DNRJB',
    personId: '0b9d7c52-4f44-4b53-8f0e-5a1f7f1e1a11',
    status: 'active',
    step: 'assistance',
    episode: 1,
    possibleRetrafficking: false,
    ownerOrganizationId: ngo,
    regionCode: 'KZ-AST',
    referralSource: 'police',
    meetingContext: 'raid',
    firstContactDate: '2026-11-02',
    createdAt: '2026-11-02T09:00:00.000Z',
    sex: 'female',
    ageYears: 24,
    ageBasis: 'declared',
    child: false,
    citizenship: 'KGZ',
    foreign: true,
    latestDecision: 'identified',
    exploitationForms: ['labour'],
  },
  circumstances: null,
  dueNext: [],
  involved: [],
  workers: [],
  consents: [{ id: '0b9d7c52-4f44-4b53-8f0e-5a1f7f1e1a12', scope: 'police_sharing', organizationId: null, given: true, method: 'written', recordedAt: '2026-11-02T09:00:00.000Z', withdrawnAt: null }],
  screenings: [],
  decisions: [
    {
      id: '0b9d7c52-4f44-4b53-8f0e-5a1f7f1e1a13',
      organizationId: ngo,
      decidedAt: '2026-11-05T09:00:00.000Z',
      outcome: 'identified',
      exploitationForms: ['labour', 'forced_begging'],
      traffickingScope: 'cross_border',
      reasons: 'Паспорт удерживал работодатель',
      reviewsDecisionId: null,
    },
  ],
  decisionDueOn: '2026-11-09',
  referrals: [
    {
      id: '0b9d7c52-4f44-4b53-8f0e-5a1f7f1e1a14',
      caseId: '0b9d7c52-4f44-4b53-8f0e-5a1f7f1e1a10',
      caseCode: 'AST-26-3DNRJB',
      fromOrganizationId: ngo,
      toOrganizationId: shelter,
      serviceTypes: ['social_welfare', 'medical'],
      reason: 'Безопасное жильё',
      requestedAt: '2026-11-05T10:00:00.000Z',
      status: 'accepted',
      respondedAt: '2026-11-05T12:00:00.000Z',
      declineReason: null,
      placement: true,
      placementFrom: '2026-11-06',
      placementTo: null,
      consentOverridden: false,
    },
  ],
  services: [
    { id: '0b9d7c52-4f44-4b53-8f0e-5a1f7f1e1a15', serviceType: 'psychological', providerOrganizationId: shelter, referralId: null, status: 'in_progress', plannedFrom: '2026-11-06', plannedTo: null, deliveredOn: null, notes: null },
  ],
  migration: null,
  childProtection: null,
  closure: null,
  followUps: [],
  labourSectors: [],
  methodsOfControl: [],
  recruitmentMethods: [],
  traffickingScope: 'cross_border',
};

const identity: PersonIdentity = personIdentitySchema.parse({
  names: [
    { family: 'Асанова', given: 'Айгуль', basis: 'documented' },
    { given: 'Айка', kind: 'alias', basis: 'declared' },
  ],
  birthDate: { value: '2002-04', basis: 'declared' },
  citizenships: ['KGZ'],
  documents: [{ type: 'passport', number: 'AC1234567', heldBy: 'withheld' }],
});

function printed(language: CaseSummaryForPrint['language'], withIdentity = false): string {
  const print: CaseSummaryForPrint = {
    detail,
    identity: withIdentity ? identity : null,
    organizationNames: new Map([
      [ngo, 'НПО «Коргау-Астана»'],
      [shelter, 'Приют, Алматы'],
    ]),
    regionName: language === 'en' ? 'Astana' : 'Астана',
    language,
    printedAt: '2026-11-23T10:00:00.000Z',
    reopenings: [],
  };
  const { title, content } = caseSummaryDocument(print);
  return `${title}\n${JSON.stringify(content)}`;
}

describe('the printed case summary', () => {
  it('says in Russian what the case page says: statuses, sources, forms and services by name, not by their codes', () => {
    const text = printed('ru');
    for (const words of ['Сводка по делу AST-26-3DNRJB', 'Открыто', 'Помощь', 'Полиция', 'Кыргызстан', 'Астана', 'со слов', 'Передача сведений полиции', 'Признан жертвой', 'трудовая эксплуатация', 'Социально-бытовые', 'Принято', 'Оказывается', 'Приют, Алматы']) {
      expect(text).toContain(words);
    }
    for (const code of ['"active"', '"assistance"', '"police"', 'KGZ', 'KZ-AST', 'police sharing', 'social welfare', 'in progress', 'forced begging']) {
      expect(text).not.toContain(code);
    }
  });

  it('prints the identity, when asked for, with what a court or migration file needs: which name is an alias, what was only declared, who holds the passport', () => {
    expect(printed('ru')).toContain('Идентифицирующие данные не включены.');
    const text = printed('ru', true);
    expect(text).toContain('Асанова Айгуль (Основное имя; По документам); Айка (Другое имя; Со слов)');
    expect(text).toContain('2002-04 (Со слов)');
    expect(text).toContain('Паспорт AC1234567 (Удерживает работодатель или торговец людьми)');
    expect(text).not.toContain('withheld');
  });

  it('prints in English for an English reader and in Kazakh for a Kazakh one', () => {
    expect(printed('en')).toContain('Case summary AST-26-3DNRJB');
    expect(printed('en')).toContain('Kyrgyzstan');
    const kazakh = printed('kk');
    expect(kazakh).toContain('Іс бойынша анықтама AST-26-3DNRJB');
    expect(kazakh).not.toContain('Case summary');
  });
});
