import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api-client.js';
import { changesOf, checkDraft, draftOf, emptyDraft, newOrganizationOf, organizationFieldErrors, withChange } from './organization-form.js';
import type { Organization } from './organizations-api.js';

// Stands in for i18next: shows the key and its values, so the test sees which translation was chosen.
const t = ((key: string, values?: Record<string, unknown>) => (values === undefined ? key : `${key} ${JSON.stringify(values)}`)) as unknown as TFunction;

const text = (base: string) => ({ ru: `${base} ru`, kk: `${base} kk`, en: `${base} en` });

const shelter: Organization = {
  id: '0b9c2c8e-51a4-4b59-9a43-1f3c1a7d2e10',
  code: 'SHELTER-ALA',
  kind: 'shelter',
  abbreviation: text('Shelter'),
  name: text('Shelter for victims of trafficking'),
  byAgreement: false,
  parentCode: null,
  regionCodes: ['KZ-ALA'],
  publicPhone: null,
  capacity: 8,
  lawEnforcement: false,
};

function problemWith(errors: { field: string; message: string }[]): ApiProblem {
  return new ApiProblem({
    type: 'about:blank',
    title: 'x',
    status: 409,
    code: 'conflict',
    detail: 'x',
    instance: '/api/v1/organizations',
    requestId: 'req-1',
    errors,
  });
}

describe('a new organization', () => {
  it('needs a code, a kind, and a name and abbreviation in every language', () => {
    expect(Object.keys(checkDraft(emptyDraft, 'create', t)).sort()).toEqual(
      ['abbreviation.en', 'abbreviation.kk', 'abbreviation.ru', 'code', 'kind', 'name.en', 'name.kk', 'name.ru'].sort(),
    );
  });

  it('takes a code typed in lower case, but not one with other characters', () => {
    const draft = { ...emptyDraft, kind: 'crisis_centre' as const, name: text('Centre'), abbreviation: text('CC') };
    expect(checkDraft({ ...draft, code: ' cc-pav ' }, 'create', t)).toEqual({});
    expect(checkDraft({ ...draft, code: 'CC PAV' }, 'create', t)).toEqual({ code: 'organizationForm.codeFormat' });
    expect(newOrganizationOf({ ...draft, code: ' cc-pav ', capacity: ' 12 ', regionCodes: ['KZ-PAV'] })).toEqual({
      code: 'CC-PAV',
      kind: 'crisis_centre',
      name: text('Centre'),
      abbreviation: text('CC'),
      byAgreement: false,
      regionCodes: ['KZ-PAV'],
      publicPhone: null,
      capacity: 12,
    });
  });

  it('takes the number of places as a whole number, or none', () => {
    const draft = { ...draftOf(shelter) };
    expect(checkDraft({ ...draft, capacity: '' }, 'edit', t)).toEqual({});
    expect(checkDraft({ ...draft, capacity: '2.5' }, 'edit', t)).toEqual({ capacity: 'organizationForm.capacityFormat {"max":100000}' });
    expect(checkDraft({ ...draft, capacity: '100001' }, 'edit', t)).toEqual({ capacity: 'organizationForm.capacityFormat {"max":100000}' });
  });

  it('asks no number of places of an organization that houses nobody', () => {
    const draft = { ...emptyDraft, code: 'NGO-X', kind: 'ngo' as const, name: text('NGO'), abbreviation: text('NGO'), capacity: '5' };
    expect(newOrganizationOf(draft).capacity).toBeNull();
  });
});

describe('a change to an organization', () => {
  it('sends only what differs', () => {
    expect(changesOf(shelter, draftOf(shelter))).toBeNull();
    expect(changesOf(shelter, { ...draftOf(shelter), capacity: '14', publicPhone: ' 8 727 000 00 00 ' })).toEqual({
      capacity: 14,
      publicPhone: '8 727 000 00 00',
    });
    expect(changesOf(shelter, { ...draftOf(shelter), name: { ...shelter.name, kk: 'Жаңа атауы' } })).toEqual({
      name: { ...shelter.name, kk: 'Жаңа атауы' },
    });
  });

  it('treats regions as a set, and an emptied parent as removing it', () => {
    const withParent = { ...shelter, parentCode: 'NGO-UCC', regionCodes: ['KZ-ALA', 'KZ-ALM'] };
    expect(changesOf(withParent, { ...draftOf(withParent), regionCodes: ['KZ-ALM', 'KZ-ALA'] })).toBeNull();
    expect(changesOf(withParent, { ...draftOf(withParent), parentCode: '' })).toEqual({ parentCode: null });
    expect(changesOf(shelter, { ...draftOf(shelter), parentCode: '' })).toBeNull();
    expect(changesOf(withParent, { ...draftOf(withParent), parentCode: 'HRC' })).toEqual({ parentCode: 'HRC' });
  });

  it('is applied to the organization as shown', () => {
    expect(withChange(shelter, { capacity: 14, regionCodes: ['KZ-PAV', 'KZ-ALA'] })).toEqual({
      ...shelter,
      capacity: 14,
      regionCodes: ['KZ-ALA', 'KZ-PAV'],
    });
  });
});

describe('field errors from the server', () => {
  it('name a taken code as a code, not as an email address', () => {
    expect(organizationFieldErrors(problemWith([{ field: 'body.code', message: 'is already used' }]), t)).toEqual({
      code: 'organizationForm.codeTaken',
    });
  });

  it('land on the language of a name, and on the regions or parent the server did not know', () => {
    const error = problemWith([
      { field: 'body.name.kk', message: 'is required' },
      { field: 'body.regionCodes', message: 'unknown: KZ-XXX' },
      { field: 'body.parentCode', message: 'no such organization' },
      { field: 'query.limit', message: 'too big' },
    ]);
    expect(organizationFieldErrors(error, t)).toEqual({
      'name.kk': 'fieldErrors.required',
      regionCodes: 'organizationForm.regionsUnknown',
      parentCode: 'organizationForm.parentUnknown',
    });
  });

  it('are empty for an error without fields', () => {
    expect(organizationFieldErrors(new Error('x'), t)).toEqual({});
  });
});
