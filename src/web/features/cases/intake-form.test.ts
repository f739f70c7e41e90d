import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Provider } from './cases-api.js';
import { checkIntakeDraft, citizenshipOf, emptyIntakeDraft, intakeFieldOfPath, intakeRequestOf, parseAge, providersFor, type IntakeDraft } from './intake-form.js';

const t = ((key: string) => key) as unknown as TFunction;
const today = '2026-11-23';
const shelterId = '7b0c5a6e-7c35-4d41-9a55-9d0d8c1e0a01';
const policeId = '7b0c5a6e-7c35-4d41-9a55-9d0d8c1e0a02';

const met: IntakeDraft = { ...emptyIntakeDraft(today, ['KZ-AST']), referralSource: 'police', meetingContext: 'raid' };

describe('the intake form', () => {
  it('starts on today, in the region of a user who works in only one', () => {
    expect(emptyIntakeDraft(today, ['KZ-AST'])).toMatchObject({ firstContactDate: today, regionCode: 'KZ-AST', sex: 'not_disclosed', ageBasis: 'unknown' });
    expect(emptyIntakeDraft(today, []).regionCode).toBe('');
    expect(emptyIntakeDraft(today, ['KZ-AST', 'KZ-ALA']).regionCode).toBe('');
  });

  it('asks who identified the person, where, when and in which region', () => {
    expect(checkIntakeDraft({ ...emptyIntakeDraft(today, []), firstContactDate: '' }, today, t)).toEqual({
      referralSource: 'cases.intake.referralSourceMissing',
      meetingContext: 'cases.intake.meetingContextMissing',
      firstContactDate: 'cases.intake.firstContactDateMissing',
      regionCode: 'cases.intake.regionMissing',
    });
    expect(checkIntakeDraft({ ...met, firstContactDate: '2026-11-24' }, today, t)).toEqual({ firstContactDate: 'cases.intake.firstContactDateFuture' });
    expect(checkIntakeDraft(met, today, t)).toEqual({});
  });

  it('takes a whole age up to 119, and wants to know how it is known', () => {
    expect(parseAge(' 16 ')).toBe(16);
    expect(parseAge('')).toBeNull();
    expect(parseAge('16.5')).toBeUndefined();
    expect(parseAge('120')).toBeUndefined();
    expect(checkIntakeDraft({ ...met, age: '16' }, today, t)).toEqual({ ageBasis: 'cases.intake.ageBasisMissing' });
    expect(checkIntakeDraft({ ...met, age: 'sixteen' }, today, t)).toEqual({ age: 'cases.intake.ageFormat' });
  });

  it('takes any ISO country code typed in capitals or not, and refuses anything else', () => {
    expect(citizenshipOf({ citizenship: 'UZB', otherCitizenship: 'ignored' })).toBe('UZB');
    expect(citizenshipOf({ citizenship: 'other', otherCitizenship: ' geo ' })).toBe('GEO');
    expect(citizenshipOf({ citizenship: 'other', otherCitizenship: 'Georgia' })).toBeNull();
    expect(checkIntakeDraft({ ...met, citizenship: 'other', otherCitizenship: 'GE' }, today, t)).toEqual({ otherCitizenship: 'cases.intake.otherCitizenshipFormat' });
  });

  it('sends no identity at all unless asked, and no names in an empty one', () => {
    const request = intakeRequestOf({ ...met, names: [{ family: 'Ахмедова', given: '', patronymic: '', kind: 'primary', basis: 'declared' }] });
    expect(request).not.toHaveProperty('identity');
    expect(request).not.toHaveProperty('referral');
    expect(request).toMatchObject({ ageYears: null, ageBasis: 'unknown', citizenship: 'unknown', consents: [] });
    expect(checkIntakeDraft({ ...met, withIdentity: true }, today, t)).toEqual({ names: 'cases.intake.namesMissing' });
  });

  it('keeps a name in two scripts, the birth year alone and a document the employer keeps', () => {
    const request = intakeRequestOf({
      ...met,
      sex: 'female',
      age: '24',
      ageBasis: 'declared',
      citizenship: 'UZB',
      withIdentity: true,
      names: [
        { family: ' Ахмедова ', given: 'Дилноза', patronymic: '', kind: 'primary', basis: 'declared' },
        { family: 'Axmedova', given: 'Dilnoza', patronymic: '', kind: 'spelling', basis: 'declared' },
        { family: '', given: '', patronymic: '', kind: 'alias', basis: 'declared' },
      ],
      birthDate: '2002',
      birthDateBasis: 'declared',
      documents: [{ type: 'passport', number: ' FA1234567 ', heldBy: 'withheld' }],
    });
    expect(request.identity).toEqual({
      names: [
        { family: 'Ахмедова', given: 'Дилноза', patronymic: undefined, kind: 'primary', basis: 'declared' },
        { family: 'Axmedova', given: 'Dilnoza', patronymic: undefined, kind: 'spelling', basis: 'declared' },
      ],
      birthDate: { value: '2002', basis: 'declared' },
      sex: 'female',
      citizenships: ['UZB'],
      documents: [{ type: 'passport', number: 'FA1234567', heldBy: 'withheld' }],
    });
    expect(request).toMatchObject({ ageYears: 24, ageBasis: 'declared', citizenship: 'UZB' });
  });

  it('hands over only with the person’s consent to referral, which needs consent to processing first', () => {
    const handOver: IntakeDraft = { ...met, handOver: true, referralServices: ['social_welfare'], referralOrganizationId: shelterId, referralReason: 'Нужно жильё' };
    expect(checkIntakeDraft(handOver, today, t)).toEqual({ consents: 'cases.intake.referralConsentMissing' });
    expect(checkIntakeDraft({ ...handOver, consentReferral: true }, today, t)).toEqual({ consents: 'cases.intake.processingConsentFirst' });
    expect(checkIntakeDraft({ ...met, handOver: true }, today, t)).toMatchObject({
      referralServices: 'cases.intake.referralServicesMissing',
      referralOrganizationId: 'cases.intake.referralOrganizationMissing',
      referralReason: 'cases.intake.referralReasonMissing',
    });
    const request = intakeRequestOf({ ...handOver, consentProcessing: true, consentReferral: true, consentMethod: 'written', referralPlacement: true });
    expect(request.referral).toEqual({ toOrganizationId: shelterId, serviceTypes: ['social_welfare'], reason: 'Нужно жильё', placement: true });
    expect(request.consents).toEqual([
      { scope: 'processing', organizationId: null, given: true, method: 'written' },
      { scope: 'referral', organizationId: shelterId, given: true, method: 'written' },
    ]);
  });

  it('records consent to sharing with the police for one body, or for any', () => {
    const consenting: IntakeDraft = { ...met, consentProcessing: true, consentPolice: true };
    expect(intakeRequestOf(consenting).consents).toContainEqual({ scope: 'police_sharing', organizationId: null, given: true, method: 'oral' });
    expect(intakeRequestOf({ ...consenting, policeOrganizationId: policeId }).consents).toContainEqual({ scope: 'police_sharing', organizationId: policeId, given: true, method: 'oral' });
  });

  it('puts the server’s problems on the form’s fields', () => {
    expect(intakeFieldOfPath('body.ageYears')).toBe('age');
    expect(intakeFieldOfPath('body.identity.names.0.given')).toBe('names');
    expect(intakeFieldOfPath('body.identity.birthDate.value')).toBe('birthDate');
    expect(intakeFieldOfPath('body.referral.reason')).toBe('referralReason');
    expect(intakeFieldOfPath('body.referral.toOrganizationId')).toBe('referralOrganizationId');
    expect(intakeFieldOfPath('body.regionCode')).toBe('regionCode');
    expect(intakeFieldOfPath('query.limit')).toBeNull();
  });
});

describe('choosing a provider', () => {
  const provider = (name: string, services: Provider['serviceTypes'], capacity: number | null, occupied: number): Provider => ({
    organizationId: name,
    kind: 'shelter',
    name: { ru: name, kk: name, en: name },
    serviceTypes: services,
    capacity,
    occupied,
    free: capacity === null ? null : capacity - occupied,
  });

  it('offers only providers of every service asked for, those with free places first', () => {
    const full = provider('Б-полный', ['social_welfare', 'medical'], 10, 10);
    const free = provider('В-свободный', ['social_welfare', 'medical'], 10, 4);
    const uncounted = provider('А-без учёта', ['social_welfare', 'medical', 'legal'], null, 0);
    const legalOnly = provider('Г-юристы', ['legal'], null, 0);
    const shown = providersFor([full, legalOnly, uncounted, free], ['social_welfare', 'medical'], (item) => item.name.ru);
    expect(shown.map((item) => item.organizationId)).toEqual(['В-свободный', 'А-без учёта', 'Б-полный']);
    expect(providersFor([full, legalOnly], [], (item) => item.name.ru)).toHaveLength(2);
  });
});
