import { describe, expect, it } from 'vitest';
import { kazakhstanStateBodies, kazakhstanStateBodyAliases } from '../reference/kazakhstan/organizations.js';
import { reportingCalendar } from './deadline-rule.js';
import { readActionPlan2009 } from './fixtures/action-plan-2009-2011.js';
import { type KnownBody, type Measure, parsePlanTable } from './plan-table-parser.js';

// The country pack's abbreviations and English names, plus the aliases that
// translate the plans' own spelling (MCSP is MLSP).
const knownBodies: KnownBody[] = kazakhstanStateBodies.map((body) => ({
  code: body.code,
  aliases: [
    body.abbreviation.en,
    body.name.en,
    ...Object.entries(kazakhstanStateBodyAliases)
      .filter(([, code]) => code === body.code)
      .map(([alias]) => alias),
  ],
}));

const actionPlan2009 = parsePlanTable(readActionPlan2009(), { knownBodies });
const planPeriod = { fromYear: 2009, toYear: 2011 };

function measure(number: number): Measure {
  const found = actionPlan2009.measures.find((candidate) => candidate.number === number);
  if (!found) {
    throw new Error(`measure ${number} was not imported`);
  }
  return found;
}

describe('a coordinator imports the Government Action Plan for 2009-2011', () => {
  it('finds the plan, its period and the Decree that approved it', () => {
    expect(actionPlan2009.title).toBe(
      'The Action Plan of the Government of the Republic of Kazakhstan to Combat and Prevent Human Trafficking Crimes for 2009-2011',
    );
    expect([actionPlan2009.periodFromYear, actionPlan2009.periodToYear]).toEqual([2009, 2011]);
    expect(actionPlan2009.decree).toMatchObject({ number: '462', date: '2009-04-02' });
    expect(actionPlan2009.preamble).toContain('K. Massimov');
  });

  it('imports all 25 measures in order', () => {
    expect(actionPlan2009.measures.map((candidate) => candidate.number)).toEqual(
      Array.from({ length: 25 }, (_, index) => index + 1),
    );
    expect(actionPlan2009.measures.every((candidate) => candidate.action !== '' && candidate.responsible.length > 0)).toBe(true);
  });

  it('knows who answers for measure 1: the Ministry of Justice leads, the prosecutors join by agreement', () => {
    expect(measure(1).responsible).toEqual([
      { text: 'MJ', bodyCode: 'MJ', lead: true, byAgreement: false },
      { text: 'MCI', bodyCode: 'MCI', lead: false, byAgreement: false },
      { text: 'MIA', bodyCode: 'MIA', lead: false, byAgreement: false },
      { text: 'MCSP', bodyCode: 'MLSP', lead: false, byAgreement: false },
      { text: 'PGO (by agreement)', bodyCode: 'PGO', lead: false, byAgreement: true },
    ]);
  });

  it('joins the rows a page break split, column by column', () => {
    expect(measure(2).action).toBe(
      'Introduction of independent classes concerning legal knowledge of human rights and freedoms, their observance and protection in educational organizations',
    );
    expect(measure(2).deadlineText).toBe('Following the results of 6 months, by January 20th and July 20th');
    expect(measure(21).deadlineText).toBe('December of 2009');
    expect(measure(24).responsible.at(-1)).toMatchObject({ text: 'PGO (by agreement)', byAgreement: true });
    expect(measure(13).responsible.map((body) => body.bodyCode)).toEqual(['PGO', 'MLSP', 'MIA']);
  });

  it('keeps the typo "Information to в MJ" as the plan wrote it', () => {
    expect(measure(3).completionForm).toBe('Information to в MJ');
  });

  it('gives measure 5 a report every quarter, due on the 20th of the month after it', () => {
    const deadline = measure(5).deadline;
    expect(deadline).toEqual({ kind: 'quarterly', dayOfFollowingMonth: 20 });
    const calendar = deadline ? reportingCalendar(deadline, planPeriod) : [];
    expect(calendar.map((report) => report.periodLabel)).toEqual(
      ['2009', '2010', '2011'].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}`)),
    );
    expect(calendar[0]?.dueDate).toBe('2009-04-20');
    expect(calendar.at(-1)?.dueDate).toBe('2012-01-20');
    expect(measure(5).responsible.map((body) => body.bodyCode)).toEqual(['MCI', 'AKIMATS']);
  });

  it('reads the other deadline forms of the plan', () => {
    expect(measure(1).deadline).toEqual({ kind: 'annual', month: 1, day: 20 });
    expect(measure(4).deadline).toEqual({ kind: 'annual', month: 1, day: 30 });
    expect(measure(3).deadline).toMatchObject({ kind: 'once', from: '2009-07-01', due: '2009-09-30' });
    expect(measure(24).deadline).toMatchObject({ kind: 'once', from: '2009-05-01', due: '2009-05-31' });
    expect(measure(23).deadline).toMatchObject({ kind: 'once', due: '2010-01-31' });
    expect(measure(22).deadline).toEqual({ kind: 'throughout', from: '2009-01-01', to: '2011-12-31' });
    expect(measure(14).deadline).toMatchObject({ kind: 'semiannual' });
    expect(actionPlan2009.measures.every((candidate) => candidate.deadline !== null)).toBe(true);
  });

  it('reads costs and sources of financing', () => {
    expect(measure(6).costs).toEqual({
      kind: 'amounts',
      perYear: [2009, 2010, 2011].map((year) => ({ year, thousandsKzt: 12221 })),
      note: 'Annually',
    });
    expect(measure(6).budgetProgrammes).toEqual(['010']);
    expect(measure(1).budgetProgrammes).toEqual(['006', '025']);
    expect(measure(5).fundingSources).toEqual(['republican_budget', 'local_budget']);
    expect(measure(18).fundingSources).toEqual(['local_budget']);
    expect(measure(7).fundingSources).toEqual(['republican_budget', 'grants']);
    expect(measure(7).costs).toMatchObject({ kind: 'within_existing_funds' });
    expect(measure(2).costs).toEqual({ kind: 'not_required' });
    expect(measure(2).fundingSources).toEqual([]);
    const crisisCentres = measure(18).costs;
    const total = crisisCentres.kind === 'amounts' ? crisisCentres.perYear.reduce((sum, amount) => sum + amount.thousandsKzt, 0) : 0;
    expect(total).toBe(10550);
  });

  it('extracts the abbreviation list and the note on funding volumes', () => {
    expect(actionPlan2009.abbreviations).toHaveLength(20);
    expect(actionPlan2009.abbreviations).toContainEqual({
      abbreviation: 'MCSP',
      expansion: 'Ministry of Culture and Social Protection of the Republic of Kazakhstan',
    });
    expect(actionPlan2009.abbreviations).toContainEqual({ abbreviation: 'RB', expansion: 'republican budget' });
    expect(actionPlan2009.footnotesAndNotes).toEqual([
      'Volumes of funds for the events will be specified in compliance with the Law of the Republic of Kazakhstan “On the Republican Budget for 2010-2012”.',
    ]);
  });

  it('lists for a person only what it really could not place', () => {
    const listed = actionPlan2009.problems.map((problem) => `${problem.measureNumber} ${problem.field}: ${problem.text}`);
    console.log(actionPlan2009.problems.map((problem) => `line ${problem.line}, measure ${problem.measureNumber}, ${problem.field}: ${problem.message}`).join('\n'));
    expect(listed).toEqual([
      '5 costs: 2009 - 4 500,',
      '22 responsible: ALE Association of Crisis Centers of Kazakhstan',
      '22 responsible: RA ZhARiA',
      '25 responsible: ALE Association of Crisis Centers of Kazakhstan',
    ]);
  });
});

const smallPlan = [
  '**Regional Action Plan for 2012-2014**',
  '',
  'No.\tAction\tCompletion Form\tResponsible for Performance\tDate of Performance\tEstimated Costs (ths. of KZT)\tSource of Financing',
  '1\t2\t3\t4\t5\t6\t7',
  '1.\tTo open a shelter\tInformation to MJ\tMJ, Friends of Astana Shelter\tAt the discretion of the minister\t2012 - 1 200,0\tLB',
  '- 17 -',
  '\tin the capital\t\t\t\t\t\tstray cell',
  '2.\tTo train police\tSeminars\tMIA\tDuring 2012 - 2014\tNot required\t-',
  '',
  'Signed by the akim',
].join('\n');

describe('an official imports a regional plan with things the parser does not know', () => {
  const imported = parsePlanTable(smallPlan, {
    knownBodies: [
      { code: 'MJ', aliases: [] },
      { code: 'MIA', aliases: [] },
    ],
  });

  it('keeps both measures and every cell it could read', () => {
    expect(imported.title).toBe('Regional Action Plan for 2012-2014');
    expect(imported.measures.map((candidate) => candidate.number)).toEqual([1, 2]);
    expect(imported.measures[0]?.action).toBe('To open a shelter in the capital');
    expect(imported.measures[0]?.costs).toEqual({ kind: 'amounts', perYear: [{ year: 2012, thousandsKzt: 1200 }], note: '' });
  });

  it('reports the unknown body and the unknown deadline rather than dropping them', () => {
    expect(imported.measures[0]?.responsible[1]).toEqual({
      text: 'Friends of Astana Shelter',
      bodyCode: null,
      lead: false,
      byAgreement: false,
    });
    expect(imported.measures[0]?.deadline).toBeNull();
    expect(imported.measures[0]?.deadlineText).toBe('At the discretion of the minister');
    expect(imported.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ measureNumber: 1, field: 'responsible', text: 'Friends of Astana Shelter' }),
        expect.objectContaining({ measureNumber: 1, field: 'deadline', text: 'At the discretion of the minister' }),
      ]),
    );
  });

  it('lists every line and cell it did not use, where it found them', () => {
    const unused = imported.problems.filter((problem) => problem.field === 'unused_text');
    expect(unused.map(({ text, line, measureNumber }) => ({ text, line, measureNumber }))).toEqual([
      { text: '- 17 -', line: 6, measureNumber: 1 },
      { text: 'stray cell', line: 7, measureNumber: 1 },
    ]);
    expect(imported.footnotesAndNotes).toEqual(['Signed by the akim']);
  });

  it('reports a table it cannot find instead of returning an empty plan quietly', () => {
    const notAPlan = parsePlanTable('Minutes of the meeting\nNothing was decided', { knownBodies: [] });
    expect(notAPlan.measures).toEqual([]);
    expect(notAPlan.problems.map((problem) => problem.field)).toEqual(['unused_text', 'unused_text', 'table', 'title', 'title']);
  });

  it('notices a measure number that skips', () => {
    const skipped = parsePlanTable(smallPlan.replace('2.\tTo train', '4.\tTo train'), { knownBodies: [] });
    expect(skipped.problems).toContainEqual(expect.objectContaining({ field: 'number', measureNumber: 4 }));
  });
});
