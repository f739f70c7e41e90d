import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, parseArticleList, parseArticleRef, parseExportDate, parseProceedingRow, readProceedingCsv, RESUMED_REASON, type CsvRecord } from './proceeding-import.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const TODAY = '2016-06-30';

const header = 'register_number,registered_on,registering_body,investigating_body,region,articles,stage';

function recordOf(values: CsvRecord['values']): CsvRecord {
  return { line: 7, values: { register_number: '151975000100099', registered_on: '2015-03-01', registering_body: 'MIA', investigating_body: 'MIA', region: 'KZ-ALA', articles: '128(3)', stage: 'pre_trial_investigation', ...values } };
}

describe('reading an export of the Committee for Legal Statistics', () => {
  it('reads the sample export with its line numbers and leaves unknown columns aside', () => {
    const { records, ignoredColumns } = readProceedingCsv(fixture('legal-statistics-export.csv'));
    expect(records).toHaveLength(15);
    expect(records[0]?.line).toBe(2);
    expect(records[0]?.values.articles).toBe('271(1)');
    expect(records[3]?.values.articles).toBe('128(3); 125(3)(2)');
    expect(ignoredColumns).toEqual(['investigator_note']);
  });

  it('takes semicolons as the delimiter when the header uses them', () => {
    const { records } = readProceedingCsv(fixture('legal-statistics-export-later.csv'));
    expect(records).toHaveLength(4);
    expect(records[3]?.values.articles).toBe('128(3), 125(3)(2)');
    expect(records[1]?.values.verdict_on).toBe('20.01.2016');
  });

  it('keeps a quoted line break inside its field and counts lines from where each record starts', () => {
    const text = `\uFEFF${header}\r\n151975000100001,2015-03-01,MIA,MIA,KZ-ALA,"128(3);\r\n309",registered\r\n\r\n151975000100002,2015-03-02,MIA,MIA,KZ-ALA,309,registered\r\n`;
    const { records } = readProceedingCsv(text);
    expect(records.map((record) => record.line)).toEqual([2, 5]);
    expect(records[0]?.values.articles).toBe('128(3);\r\n309');
  });

  it('refuses a file that is not an export at all', () => {
    expect(() => readProceedingCsv('')).toThrow(ImportFileError);
    expect(() => readProceedingCsv('register_number,registered_on\n1,2')).toThrow(/lacks the columns registering_body, investigating_body, region, articles, stage/);
    expect(() => readProceedingCsv(`${header}\n151975000100001,"2015-03-01,MIA`)).toThrow(/never closed/);
    expect(() => readProceedingCsv(`${header},stage\n`)).toThrow(/more than once/);
  });
});

describe('articles and dates as exports write them', () => {
  it('reads the part and paragraph in brackets or in Russian abbreviations', () => {
    expect(parseArticleRef('128(3)')).toMatchObject({ base: '128', part: '3', paragraph: null });
    expect(parseArticleRef('128 ч.3 п.2')).toMatchObject({ base: '128', part: '3', paragraph: '2' });
    expect(parseArticleRef('125(3)(b)')).toMatchObject({ base: '125', part: '3', paragraph: 'b' });
    expect(parseArticleRef('132-1')).toMatchObject({ base: '132-1', part: null });
    expect(parseArticleRef('article 128')).toBeNull();
    expect(parseArticleList('128(3); 309, 125(3)(2)')).toMatchObject({ refs: [{ base: '128' }, { base: '309' }, { base: '125', part: '3', paragraph: '2' }] });
    expect(parseArticleList('128; trafficking')).toEqual({ unreadable: 'trafficking' });
  });

  it('takes ISO and Russian dates, and only real days', () => {
    expect(parseExportDate('2015-02-28')).toBe('2015-02-28');
    expect(parseExportDate('28.02.2015')).toBe('2015-02-28');
    expect(parseExportDate('2015-02-30')).toBeNull();
    expect(parseExportDate('2/28/2015')).toBeNull();
  });
});

describe('a row on its own', () => {
  it('opens the pre-trial investigation on the day of registration when the export gives no date for it', () => {
    const parsed = parseProceedingRow(recordOf({ sent_to_court_on: '2015-09-01', stage: 'sent_to_court' }), TODAY);
    expect('row' in parsed && parsed.row.path).toEqual([
      { stage: 'registered', on: '2015-03-01', reason: null },
      { stage: 'pre_trial_investigation', on: '2015-03-01', reason: null },
      { stage: 'sent_to_court', on: '2015-09-01', reason: null },
    ]);
  });

  it('goes back from a suspension to the investigation only on the date it resumed, with that reason', () => {
    const withoutResumption = parseProceedingRow(recordOf({ suspended_on: '2015-05-01', sent_to_court_on: '2015-09-01', stage: 'sent_to_court' }), TODAY);
    expect(withoutResumption).toMatchObject({ rejection: { line: 7, problem: 'stage_order_impossible', reason: expect.stringMatching(/from suspended to sent to court \(resumed_on/) } });
    const resumed = parseProceedingRow(recordOf({ suspended_on: '2015-05-01', resumed_on: '2015-06-01', sent_to_court_on: '2015-09-01', stage: 'sent_to_court' }), TODAY);
    expect('row' in resumed && resumed.row.path.map((step) => [step.stage, step.reason])).toEqual([
      ['registered', null],
      ['pre_trial_investigation', null],
      ['suspended_perpetrator_unknown', null],
      ['pre_trial_investigation', RESUMED_REASON],
      ['sent_to_court', null],
    ]);
  });

  it('names what is wrong with a row', () => {
    const problem = (values: CsvRecord['values']) => {
      const parsed = parseProceedingRow(recordOf(values), TODAY);
      return 'rejection' in parsed ? `${parsed.rejection.problem}: ${parsed.rejection.reason}` : 'accepted';
    };
    expect(problem({ register_number: '' })).toBe('missing_value: register_number is empty');
    expect(problem({ register_number: 'ERDR-1' })).toMatch(/^bad_value: register_number "ERDR-1"/);
    expect(problem({ register_number: '1234567' })).toBe('bad_value: register_number "1234567" is not an ERDR number: from 2015 it has 15 digits');
    expect(problem({ register_number: '1234567', registered_on: '2014-12-31' })).toBe('accepted');
    expect(problem({ registered_on: '2015-13-01' })).toMatch(/^bad_date: registered_on "2015-13-01"/);
    expect(problem({ pre_trial_on: '2016-07-01' })).toBe('bad_date: pre_trial_on 2016-07-01 is in the future');
    expect(problem({ pre_trial_on: '2015-02-01' })).toBe('bad_date: pre_trial_on 2015-02-01 is before registered_on 2015-03-01');
    expect(problem({ stage: 'closed' })).toMatch(/^bad_value: stage "closed" is none of registered/);
    expect(problem({ investigating_unit: 'traffic_police' })).toMatch(/^bad_value: investigating_unit/);
    expect(problem({ articles: '128(3); trafficking' })).toMatch(/^unknown_article: articles: "trafficking"/);
    expect(problem({ discontinued_on: '2015-05-01', stage: 'discontinued_rehabilitating' })).toMatch(/^missing_value: discontinued_on needs discontinued_grounds/);
    expect(problem({ sent_to_court_on: '2015-09-01', verdict_on: '2015-08-01', stage: 'first_instance_verdict' })).toBe('stage_order_impossible: verdict_on 2015-08-01 is before sent_to_court_on 2015-09-01');
    expect(problem({ sent_to_court_on: '2015-09-01', stage: 'final' })).toBe('stage_order_impossible: stage is final but the dates given end at sent to court');
    expect(problem({ court_articles: '309' })).toMatch(/^stage_order_impossible: court_articles are given but the proceeding was never sent to court/);
    expect(problem({ registering_body: 'mia', court_articles: '309', sent_to_court_on: '2015-09-01', stage: 'sent_to_court' })).toBe('accepted');
  });

  it('places the court’s qualification at the verdict when there is one, else at the indictment', () => {
    const indictment = parseProceedingRow(recordOf({ sent_to_court_on: '2015-09-01', court_articles: '309(1)', stage: 'sent_to_court' }), TODAY);
    expect('row' in indictment && indictment.row.court).toEqual({ on: '2015-09-01', phase: 'indictment' });
    const verdict = parseProceedingRow(recordOf({ sent_to_court_on: '2015-09-01', verdict_on: '2015-12-01', court_articles: '309(1)', stage: 'first_instance_verdict' }), TODAY);
    expect('row' in verdict && verdict.row.court).toEqual({ on: '2015-12-01', phase: 'court' });
    expect('row' in verdict && verdict.row.edition).toBe('2014');
  });
});

describe('the documented example', () => {
  it('reads as the documentation says: every row accepted', () => {
    const documentation = readFileSync(new URL('../../../../docs/justice-import.md', import.meta.url), 'utf8');
    const examples = [...documentation.matchAll(/```csv\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      const { records, ignoredColumns } = readProceedingCsv(example);
      expect(ignoredColumns).toEqual([]);
      expect(records.map((record) => parseProceedingRow(record, TODAY)).filter((outcome) => 'rejection' in outcome)).toEqual([]);
    }
  });
});
