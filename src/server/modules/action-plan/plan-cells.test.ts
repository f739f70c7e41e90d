import { describe, expect, it } from 'vitest';
import { parseCostsCell } from './estimated-costs.js';
import { budgetProgrammesIn, parseFundingCell } from './funding-source.js';
import { ALL_AKIMATS_CODE, parseResponsibleCell, splitResponsibleCell } from './responsible-bodies.js';

const plan2009 = { fromYear: 2009, toYear: 2011 };
const knownBodies = [
  { code: 'MJ', aliases: ['Ministry of Justice of the Republic of Kazakhstan'] },
  { code: 'MCI', aliases: [] },
  { code: 'MLSP', aliases: ['MCSP'] },
  { code: 'PGO', aliases: [] },
  { code: 'HRC', aliases: ['Human Rights Commissioner in the Republic of Kazakhstan'] },
];

describe('the Estimated Costs column', () => {
  it('reads "12 221,0" with a space between thousands and a decimal comma, spread over every plan year', () => {
    const { costs, problems } = parseCostsCell({ cell: 'Annually 12 221,0', planPeriod: plan2009 });
    expect(costs).toEqual({
      kind: 'amounts',
      perYear: [
        { year: 2009, thousandsKzt: 12221 },
        { year: 2010, thousandsKzt: 12221 },
        { year: 2011, thousandsKzt: 12221 },
      ],
      note: 'Annually',
    });
    expect(problems).toEqual([]);
  });

  it('keeps every amount of a ragged cell and reports the cut-off one', () => {
    const { costs, budgetProgrammes, problems } = parseCostsCell({
      cell: 'Within the funds provided for the government order under the budget program 025 MCI  2009- 80,0 2010 - 90,0 2011 - 95,0 2009 - 4 500,',
      planPeriod: plan2009,
    });
    expect(costs).toEqual({
      kind: 'amounts',
      perYear: [
        { year: 2009, thousandsKzt: 80 },
        { year: 2010, thousandsKzt: 90 },
        { year: 2011, thousandsKzt: 95 },
        { year: 2009, thousandsKzt: 4500 },
      ],
      note: 'Within the funds provided for the government order under the budget program 025 MCI',
    });
    expect(budgetProgrammes).toEqual(['025']);
    expect(problems).toEqual([{ text: '2009 - 4 500,', message: expect.stringContaining('decimal comma') }]);
  });

  it('keeps the amounts it can read and reports words it cannot', () => {
    const { costs, problems } = parseCostsCell({ cell: '2009 - 500,0 plus sponsorship 2010 - 550,0', planPeriod: plan2009 });
    expect(costs).toMatchObject({ kind: 'amounts', perYear: [{ year: 2009 }, { year: 2010 }] });
    expect(problems).toEqual([{ text: 'plus sponsorship', message: expect.stringContaining('could not read') }]);
  });

  it('tells "Not required", a dash, and work within existing funds apart', () => {
    expect(parseCostsCell({ cell: 'Not required', planPeriod: plan2009 }).costs).toEqual({ kind: 'not_required' });
    expect(parseCostsCell({ cell: '-', planPeriod: plan2009 }).costs).toEqual({ kind: 'not_stated' });
    const within = parseCostsCell({
      cell: 'Within the funds provided for in the republican budget for corresponding financial years under budget programs 001, 012 MIA',
      planPeriod: plan2009,
    });
    expect(within.costs).toMatchObject({ kind: 'within_existing_funds' });
    expect(within.budgetProgrammes).toEqual(['001', '012']);
  });

  it('reports an annual amount it cannot spread when the plan period is unknown', () => {
    const { costs, problems } = parseCostsCell({ cell: 'Annually 3000,0', planPeriod: null });
    expect(costs).toMatchObject({ perYear: [{ year: null, thousandsKzt: 3000 }] });
    expect(problems).toHaveLength(1);
  });
});

describe('the Source of Financing column', () => {
  it('reads RB, LB and grants, and the budget programmes behind quoted titles', () => {
    const funding = parseFundingCell(
      'RB (within budget programs: 006 “Elaboration and Expert Examination of Legal Acts, International Agreements” 025 “Conduct of the Public Information Policy”), LB, the grant under the Protocol dated 12 December 2002',
    );
    expect(funding.fundingSources).toEqual(['republican_budget', 'local_budget', 'grants']);
    expect(funding.budgetProgrammes).toEqual(['006', '025']);
    expect(parseFundingCell('-').fundingSources).toEqual([]);
  });

  it('finds a programme number even where a page break left a stray bracket', () => {
    expect(budgetProgrammesIn('RB (within budget) program 010 “Provision of financial assistance”)')).toEqual(['010']);
  });

  it('keeps an unknown source as other and asks about it', () => {
    const funding = parseFundingCell('Charity marathon');
    expect(funding.fundingSources).toEqual(['other']);
    expect(funding.problems).toHaveLength(1);
  });
});

describe('the Responsible for Performance column', () => {
  it('splits entries merged without a comma and keeps an "including" list with its akimats', () => {
    expect(
      splitResponsibleCell('MCI  Akimats of regions and cities of Astana and Almaty, including: Kostanay, Zhambyl, Pavlodar, Mangistau Regions'),
    ).toEqual(['MCI', 'Akimats of regions and cities of Astana and Almaty, including: Kostanay, Zhambyl, Pavlodar, Mangistau Regions']);
  });

  it('lets the convening body lead, marks bodies by agreement and maps all akimats to one code', () => {
    const { responsible, problems } = parseResponsibleCell({
      cell: 'MIA, MJ (convening), PGO (by agreement), Human Rights Commissioner (by agreement), Akimats of regions and cities of Astana and Almaty',
      knownBodies: [...knownBodies, { code: 'MIA', aliases: [] }],
      planAbbreviations: [],
    });
    expect(responsible.map(({ bodyCode, lead, byAgreement }) => ({ bodyCode, lead, byAgreement }))).toEqual([
      { bodyCode: 'MIA', lead: false, byAgreement: false },
      { bodyCode: 'MJ', lead: true, byAgreement: false },
      { bodyCode: 'PGO', lead: false, byAgreement: true },
      { bodyCode: 'HRC', lead: false, byAgreement: true },
      { bodyCode: ALL_AKIMATS_CODE, lead: false, byAgreement: false },
    ]);
    expect(problems).toEqual([]);
  });

  it("finds a body named in full through the plan's own abbreviation list", () => {
    const { responsible } = parseResponsibleCell({
      cell: 'Ministry of Culture and Social Protection',
      knownBodies,
      planAbbreviations: [{ abbreviation: 'MCSP', expansion: 'Ministry of Culture and Social Protection of the Republic of Kazakhstan' }],
    });
    expect(responsible[0]?.bodyCode).toBe('MLSP');
  });

  it('reports an unknown body and keeps it in the list', () => {
    const { responsible, problems } = parseResponsibleCell({ cell: 'MJ, RA ZhARiA', knownBodies, planAbbreviations: [] });
    expect(responsible[1]).toEqual({ text: 'RA ZhARiA', bodyCode: null, lead: false, byAgreement: false });
    expect(problems).toEqual([{ text: 'RA ZhARiA', message: expect.stringContaining('not a known body') }]);
  });
});
