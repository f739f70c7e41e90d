import type { TFunction } from 'i18next';
import type { meetingContexts, referralSources, sexes, ServiceType } from '../../../shared/case.schemas.js';
import type { IntakeRequest, Provider } from './cases-api.js';

export type ReferralSourceValue = (typeof referralSources)[number];
export type MeetingContextValue = (typeof meetingContexts)[number];
export type SexValue = (typeof sexes)[number];
export type AgeBasis = 'documented' | 'declared' | 'estimated' | 'unknown';
export type ConsentMethod = 'written' | 'oral' | 'by_guardian';
export type NameKind = 'primary' | 'alias' | 'spelling';
export type DocumentType = 'passport' | 'id_card' | 'birth_certificate' | 'residence_permit' | 'migration_card' | 'other';
export type DocumentHolder = 'person' | 'withheld' | 'authorities' | 'lost' | 'unknown';

export const ageBases: readonly AgeBasis[] = ['documented', 'declared', 'estimated', 'unknown'];
export const consentMethods: readonly ConsentMethod[] = ['written', 'oral', 'by_guardian'];
export const nameKinds: readonly NameKind[] = ['primary', 'spelling', 'alias'];
export const documentTypes: readonly DocumentType[] = ['passport', 'id_card', 'birth_certificate', 'residence_permit', 'migration_card', 'other'];
export const documentHolders: readonly DocumentHolder[] = ['person', 'withheld', 'authorities', 'lost', 'unknown'];

export interface NameDraft {
  family: string;
  given: string;
  patronymic: string;
  kind: NameKind;
  basis: 'documented' | 'declared';
}

export interface DocumentDraft {
  type: DocumentType;
  number: string;
  heldBy: DocumentHolder;
}

/** What the form holds: strings as typed, '' for "not chosen". */
export interface IntakeDraft {
  referralSource: ReferralSourceValue | '';
  meetingContext: MeetingContextValue | '';
  firstContactDate: string;
  regionCode: string;
  sex: SexValue;
  age: string;
  ageBasis: AgeBasis;
  /** 'KAZ', 'stateless', 'unknown', or 'other' with the code in otherCitizenship. */
  citizenship: string;
  otherCitizenship: string;
  circumstances: string;
  withIdentity: boolean;
  names: NameDraft[];
  birthDate: string;
  birthDateBasis: 'documented' | 'declared' | 'estimated';
  documents: DocumentDraft[];
  consentProcessing: boolean;
  consentReferral: boolean;
  consentPolice: boolean;
  /** '' for any law-enforcement body. */
  policeOrganizationId: string;
  consentMethod: ConsentMethod;
  handOver: boolean;
  referralServices: ServiceType[];
  referralOrganizationId: string;
  referralReason: string;
  referralPlacement: boolean;
}

export type IntakeField =
  | 'referralSource'
  | 'meetingContext'
  | 'firstContactDate'
  | 'regionCode'
  | 'sex'
  | 'age'
  | 'ageBasis'
  | 'citizenship'
  | 'otherCitizenship'
  | 'circumstances'
  | 'names'
  | 'birthDate'
  | 'documents'
  | 'consents'
  | 'referralServices'
  | 'referralOrganizationId'
  | 'referralReason';

/** In the order of the form, which is the order of the error summary. */
export const intakeFields: readonly IntakeField[] = [
  'referralSource',
  'meetingContext',
  'firstContactDate',
  'regionCode',
  'sex',
  'age',
  'ageBasis',
  'citizenship',
  'otherCitizenship',
  'circumstances',
  'names',
  'birthDate',
  'documents',
  'consents',
  'referralServices',
  'referralOrganizationId',
  'referralReason',
];

export const emptyName: NameDraft = { family: '', given: '', patronymic: '', kind: 'primary', basis: 'declared' };
export const emptyDocument: DocumentDraft = { type: 'passport', number: '', heldBy: 'unknown' };

export function emptyIntakeDraft(today: string, regions: readonly string[]): IntakeDraft {
  return {
    referralSource: '',
    meetingContext: '',
    firstContactDate: today,
    // A user who works in one region records cases there; others choose.
    regionCode: regions.length === 1 ? (regions[0] ?? '') : '',
    sex: 'not_disclosed',
    age: '',
    ageBasis: 'unknown',
    citizenship: 'unknown',
    otherCitizenship: '',
    circumstances: '',
    withIdentity: false,
    names: [emptyName],
    birthDate: '',
    birthDateBasis: 'declared',
    documents: [],
    consentProcessing: false,
    consentReferral: false,
    consentPolice: false,
    policeOrganizationId: '',
    consentMethod: 'oral',
    handOver: false,
    referralServices: [],
    referralOrganizationId: '',
    referralReason: '',
    referralPlacement: false,
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/u;
const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/u;
const alpha3 = /^[A-Z]{3}$/u;

/** A whole age from 0 to 119; null when empty; undefined when it is not one. */
export function parseAge(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') {
    return null;
  }
  if (!/^\d{1,3}$/u.test(trimmed)) {
    return undefined;
  }
  const age = Number(trimmed);
  return age <= 119 ? age : undefined;
}

/** The citizenship the API takes: an ISO alpha-3 code, 'stateless' or 'unknown'; null when the typed code is not one. */
export function citizenshipOf(draft: Pick<IntakeDraft, 'citizenship' | 'otherCitizenship'>): string | null {
  if (draft.citizenship !== 'other') {
    return draft.citizenship;
  }
  const code = draft.otherCitizenship.trim().toUpperCase();
  return alpha3.test(code) ? code : null;
}

function nameIsEmpty(name: NameDraft): boolean {
  return name.family.trim() === '' && name.given.trim() === '' && name.patronymic.trim() === '';
}

/** The problems the form can see by itself, before asking the server. */
export function checkIntakeDraft(draft: IntakeDraft, today: string, t: TFunction): Partial<Record<IntakeField, string>> {
  const errors: Partial<Record<IntakeField, string>> = {};
  if (draft.referralSource === '') {
    errors.referralSource = t('cases.intake.referralSourceMissing');
  }
  if (draft.meetingContext === '') {
    errors.meetingContext = t('cases.intake.meetingContextMissing');
  }
  if (!isoDate.test(draft.firstContactDate)) {
    errors.firstContactDate = t('cases.intake.firstContactDateMissing');
  } else if (draft.firstContactDate > today) {
    errors.firstContactDate = t('cases.intake.firstContactDateFuture');
  }
  if (draft.regionCode === '') {
    errors.regionCode = t('cases.intake.regionMissing');
  }
  const age = parseAge(draft.age);
  if (age === undefined) {
    errors.age = t('cases.intake.ageFormat');
  } else if (age !== null && draft.ageBasis === 'unknown') {
    errors.ageBasis = t('cases.intake.ageBasisMissing');
  }
  if (citizenshipOf(draft) === null) {
    errors.otherCitizenship = t('cases.intake.otherCitizenshipFormat');
  }
  if (draft.withIdentity) {
    if (draft.names.every(nameIsEmpty)) {
      errors.names = t('cases.intake.namesMissing');
    }
    if (draft.birthDate.trim() !== '' && !partialDate.test(draft.birthDate.trim())) {
      errors.birthDate = t('cases.intake.birthDateFormat');
    }
    if (draft.documents.some((document) => document.number.trim() === '')) {
      errors.documents = t('cases.intake.documentNumberMissing');
    }
  }
  if (draft.handOver) {
    if (draft.referralServices.length === 0) {
      errors.referralServices = t('cases.intake.referralServicesMissing');
    }
    if (draft.referralOrganizationId === '') {
      errors.referralOrganizationId = t('cases.intake.referralOrganizationMissing');
    }
    if (draft.referralReason.trim() === '') {
      errors.referralReason = t('cases.intake.referralReasonMissing');
    }
    // Without it the API refuses the referral; at intake there is no override.
    if (!draft.consentReferral) {
      errors.consents = t('cases.intake.referralConsentMissing');
    }
  }
  if ((draft.consentReferral || draft.consentPolice) && !draft.consentProcessing) {
    errors.consents = t('cases.intake.processingConsentFirst');
  }
  return errors;
}

function trimmedOrUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function identityOf(draft: IntakeDraft, citizenship: string): NonNullable<IntakeRequest['identity']> {
  const birthDate = draft.birthDate.trim();
  return {
    names: draft.names
      .filter((name) => !nameIsEmpty(name))
      .map((name) => ({
        family: trimmedOrUndefined(name.family),
        given: trimmedOrUndefined(name.given),
        patronymic: trimmedOrUndefined(name.patronymic),
        kind: name.kind,
        basis: name.basis,
      })),
    birthDate: birthDate === '' ? null : { value: birthDate, basis: draft.birthDateBasis },
    sex: draft.sex,
    citizenships: citizenship === 'unknown' ? [] : [citizenship],
    documents: draft.documents.map((document) => ({ type: document.type, number: document.number.trim(), heldBy: document.heldBy })),
  };
}

function consentsOf(draft: IntakeDraft): NonNullable<IntakeRequest['consents']> {
  const method = draft.consentMethod;
  return [
    ...(draft.consentProcessing ? [{ scope: 'processing' as const, organizationId: null, given: true, method }] : []),
    ...(draft.consentReferral
      ? [{ scope: 'referral' as const, organizationId: draft.handOver && draft.referralOrganizationId !== '' ? draft.referralOrganizationId : null, given: true, method }]
      : []),
    ...(draft.consentPolice
      ? [{ scope: 'police_sharing' as const, organizationId: draft.policeOrganizationId === '' ? null : draft.policeOrganizationId, given: true, method }]
      : []),
  ];
}

/** The request for a draft that passed checkIntakeDraft. Parts switched off are left out entirely. */
export function intakeRequestOf(draft: IntakeDraft): IntakeRequest {
  if (draft.referralSource === '' || draft.meetingContext === '') {
    throw new Error('intakeRequestOf() needs a checked draft');
  }
  const citizenship = citizenshipOf(draft) ?? 'unknown';
  const age = parseAge(draft.age) ?? null;
  const circumstances = draft.circumstances.trim();
  return {
    referralSource: draft.referralSource,
    meetingContext: draft.meetingContext,
    firstContactDate: draft.firstContactDate,
    regionCode: draft.regionCode,
    ...(circumstances === '' ? {} : { circumstances }),
    sex: draft.sex,
    ageYears: age,
    ageBasis: age === null ? 'unknown' : draft.ageBasis,
    citizenship,
    ...(draft.withIdentity ? { identity: identityOf(draft, citizenship) } : {}),
    consents: consentsOf(draft),
    ...(draft.handOver
      ? {
          referral: {
            toOrganizationId: draft.referralOrganizationId,
            serviceTypes: draft.referralServices,
            reason: draft.referralReason.trim(),
            placement: draft.referralPlacement,
          },
        }
      : {}),
  };
}

/** Providers that offer every service asked for; those with free places first, then by name. */
export function providersFor(providers: readonly Provider[], services: readonly ServiceType[], nameOf: (provider: Provider) => string): Provider[] {
  const collator = new Intl.Collator('ru');
  const freeRank = (provider: Provider): number => (provider.free === null ? 1 : provider.free > 0 ? 0 : 2);
  return providers
    .filter((provider) => services.every((service) => provider.serviceTypes.includes(service)))
    .sort((a, b) => freeRank(a) - freeRank(b) || collator.compare(nameOf(a), nameOf(b)));
}

/** 'body.identity.names.0.given' → 'names'; the form's field a server problem belongs on. */
export function intakeFieldOfPath(path: string): IntakeField | null {
  const [place, name, part] = path.split('.');
  if (place !== 'body' || name === undefined) {
    return null;
  }
  switch (name) {
    case 'ageYears':
      return 'age';
    case 'identity':
      return part === 'birthDate' ? 'birthDate' : part === 'documents' ? 'documents' : 'names';
    case 'referral':
      return part === 'serviceTypes' ? 'referralServices' : part === 'reason' ? 'referralReason' : 'referralOrganizationId';
    case 'personId':
      return 'names';
    default:
      return intakeFields.find((field) => field === name) ?? null;
  }
}

