import type { TFunction } from 'i18next';
import type { OrganizationKind } from '../../../shared/reference.schemas.js';
import { ApiProblem } from '../../api-client.js';
import { translateFieldMessage, type FieldErrors, type KnownMessage } from '../../components/field-errors.js';
import type { LocalizedText } from '../../components/formatting.js';
import { uiLanguages, type UiLanguage } from '../../i18n/ui-languages.js';
import { kindHasCapacity, type NewOrganization, type Organization, type OrganizationChange } from './organizations-api.js';

/** What the form holds: plain strings as typed, '' for "none". */
export interface OrganizationDraft {
  code: string;
  kind: OrganizationKind | '';
  name: LocalizedText;
  abbreviation: LocalizedText;
  byAgreement: boolean;
  parentCode: string;
  regionCodes: string[];
  publicPhone: string;
  capacity: string;
}

export type OrganizationField =
  | 'code'
  | 'kind'
  | `name.${UiLanguage}`
  | `abbreviation.${UiLanguage}`
  | 'byAgreement'
  | 'parentCode'
  | 'regionCodes'
  | 'publicPhone'
  | 'capacity';

/** In the order of the form, which is the order of the error summary. */
export const organizationFields: readonly OrganizationField[] = [
  'code',
  'kind',
  ...uiLanguages.map((language) => `name.${language}` as const),
  ...uiLanguages.map((language) => `abbreviation.${language}` as const),
  'byAgreement',
  'parentCode',
  'regionCodes',
  'publicPhone',
  'capacity',
];

export type FormMode = 'create' | 'edit';

const emptyText: LocalizedText = { ru: '', kk: '', en: '' };

export const emptyDraft: OrganizationDraft = {
  code: '',
  kind: '',
  name: emptyText,
  abbreviation: emptyText,
  byAgreement: false,
  parentCode: '',
  regionCodes: [],
  publicPhone: '',
  capacity: '',
};

export function draftOf(organization: Organization): OrganizationDraft {
  return {
    code: organization.code,
    kind: organization.kind,
    name: organization.name,
    abbreviation: organization.abbreviation,
    byAgreement: organization.byAgreement,
    parentCode: organization.parentCode ?? '',
    regionCodes: organization.regionCodes,
    publicPhone: organization.publicPhone ?? '',
    capacity: organization.capacity === null ? '' : String(organization.capacity),
  };
}

// The same rule as the API's, so that a typo is caught before the round trip.
const codePattern = /^[A-Z0-9][A-Z0-9-]{1,39}$/u;
const maxCapacity = 100_000;
const maxPhoneLength = 40;

/** Codes are capitals; typing them in lower case is not worth an error. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Null for an empty field, undefined for anything that is not a whole number in range. */
export function parseCapacity(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') {
    return null;
  }
  if (!/^\d{1,6}$/u.test(trimmed)) {
    return undefined;
  }
  const number = Number(trimmed);
  return number <= maxCapacity ? number : undefined;
}

/** Whether the form shows the number of places: for the kinds that house people, or where one is recorded already. */
export function asksCapacity(draft: OrganizationDraft, saved: Organization | null): boolean {
  return kindHasCapacity(draft.kind) || (saved !== null && saved.capacity !== null);
}

/** The problems the form can see by itself; the code and kind only when they are being chosen. */
export function checkDraft(draft: OrganizationDraft, mode: FormMode, t: TFunction): FieldErrors<OrganizationField> {
  const errors: FieldErrors<OrganizationField> = {};
  if (mode === 'create') {
    const code = normalizeCode(draft.code);
    if (code === '') {
      errors.code = t('organizationForm.codeMissing');
    } else if (!codePattern.test(code)) {
      errors.code = t('organizationForm.codeFormat');
    }
    if (draft.kind === '') {
      errors.kind = t('organizationForm.kindMissing');
    }
  }
  for (const language of uiLanguages) {
    if (draft.name[language].trim() === '') {
      errors[`name.${language}`] = t(`organizationForm.nameMissing.${language}`);
    }
    if (draft.abbreviation[language].trim() === '') {
      errors[`abbreviation.${language}`] = t(`organizationForm.abbreviationMissing.${language}`);
    }
  }
  if (draft.publicPhone.trim().length > maxPhoneLength) {
    errors.publicPhone = t('organizationForm.publicPhoneTooLong', { max: maxPhoneLength });
  }
  if (parseCapacity(draft.capacity) === undefined) {
    errors.capacity = t('organizationForm.capacityFormat', { max: maxCapacity });
  }
  return errors;
}

function trimmedText(text: LocalizedText): LocalizedText {
  return { ru: text.ru.trim(), kk: text.kk.trim(), en: text.en.trim() };
}

function sameText(a: LocalizedText, b: LocalizedText): boolean {
  return uiLanguages.every((language) => a[language] === b[language]);
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** The request for a draft that passed checkDraft in 'create' mode. */
export function newOrganizationOf(draft: OrganizationDraft): NewOrganization {
  if (draft.kind === '') {
    throw new Error('newOrganizationOf() needs a checked draft');
  }
  const phone = draft.publicPhone.trim();
  return {
    code: normalizeCode(draft.code),
    kind: draft.kind,
    name: trimmedText(draft.name),
    abbreviation: trimmedText(draft.abbreviation),
    byAgreement: draft.byAgreement,
    ...(draft.parentCode === '' ? {} : { parentCode: draft.parentCode }),
    regionCodes: draft.regionCodes,
    publicPhone: phone === '' ? null : phone,
    capacity: kindHasCapacity(draft.kind) ? (parseCapacity(draft.capacity) ?? null) : null,
  };
}

/** Only what differs from the saved organization; null when nothing does. An emptied parent removes it. */
export function changesOf(saved: Organization, draft: OrganizationDraft): OrganizationChange | null {
  const name = trimmedText(draft.name);
  const abbreviation = trimmedText(draft.abbreviation);
  const phone = draft.publicPhone.trim() === '' ? null : draft.publicPhone.trim();
  const capacity = asksCapacity(draft, saved) ? (parseCapacity(draft.capacity) ?? null) : saved.capacity;
  const change: OrganizationChange = {
    ...(sameText(name, saved.name) ? {} : { name }),
    ...(sameText(abbreviation, saved.abbreviation) ? {} : { abbreviation }),
    ...(draft.byAgreement === saved.byAgreement ? {} : { byAgreement: draft.byAgreement }),
    ...((draft.parentCode === '' ? null : draft.parentCode) === saved.parentCode ? {} : { parentCode: draft.parentCode === '' ? null : draft.parentCode }),
    ...(sameSet(draft.regionCodes, saved.regionCodes) ? {} : { regionCodes: draft.regionCodes }),
    ...(phone === saved.publicPhone ? {} : { publicPhone: phone }),
    ...(capacity === saved.capacity ? {} : { capacity }),
  };
  return Object.keys(change).length === 0 ? null : change;
}

/** The organization as saved after a change the API accepted (it answers only "ok"). */
export function withChange(saved: Organization, change: OrganizationChange): Organization {
  return {
    ...saved,
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(change.abbreviation === undefined ? {} : { abbreviation: change.abbreviation }),
    ...(change.byAgreement === undefined ? {} : { byAgreement: change.byAgreement }),
    ...(change.parentCode === undefined ? {} : { parentCode: change.parentCode }),
    ...(change.regionCodes === undefined ? {} : { regionCodes: [...change.regionCodes].sort() }),
    ...(change.publicPhone === undefined ? {} : { publicPhone: change.publicPhone }),
    ...(change.capacity === undefined ? {} : { capacity: change.capacity }),
  };
}

function isUiLanguage(value: string | undefined): value is UiLanguage {
  return (uiLanguages as readonly (string | undefined)[]).includes(value);
}

/** 'body.name.kk' → 'name.kk'; a problem with a whole text lands on its first language. */
function fieldOfPath(path: string): OrganizationField | null {
  const [place, name, part] = path.split('.');
  if (place !== 'body' || name === undefined) {
    return null;
  }
  if (name === 'name' || name === 'abbreviation') {
    return `${name}.${isUiLanguage(part) ? part : uiLanguages[0]}`;
  }
  return organizationFields.find((field) => field === name) ?? null;
}

// Messages that mean something else on this form than on the user form (where "is already used" is an email).
const messagesByField: Partial<Record<OrganizationField, readonly KnownMessage[]>> = {
  code: [
    [/^is already used$/u, (t) => t('organizationForm.codeTaken')],
    [/capital letters/u, (t) => t('organizationForm.codeFormat')],
  ],
  parentCode: [
    [/is this organization/u, (t) => t('organizationForm.parentSelf')],
    [/no such organization/u, (t) => t('organizationForm.parentUnknown')],
  ],
  regionCodes: [[/^unknown/u, (t) => t('organizationForm.regionsUnknown')]],
  publicPhone: [[/too big|at most|<=/iu, (t) => t('organizationForm.publicPhoneTooLong', { max: maxPhoneLength })]],
  capacity: [[/./u, (t) => t('organizationForm.capacityFormat', { max: maxCapacity })]],
};

/** The server's per-field problems, keyed by the form's fields, in the interface language where we know them. */
export function organizationFieldErrors(error: unknown, t: TFunction): FieldErrors<OrganizationField> {
  const result: FieldErrors<OrganizationField> = {};
  if (!(error instanceof ApiProblem)) {
    return result;
  }
  for (const problem of error.problem.errors ?? []) {
    const field = fieldOfPath(problem.field);
    if (field === null) {
      continue;
    }
    const message = translateFieldMessage(problem, t, messagesByField[field]);
    const earlier = result[field];
    result[field] = earlier === undefined || earlier === message ? message : `${earlier} ${message}`;
  }
  return result;
}
