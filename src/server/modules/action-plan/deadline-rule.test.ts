import { describe, expect, it } from 'vitest';
import {
  type DeadlineRule,
  deadlineRuleSchema,
  describeDeadlineRule,
  parseDeadlinePhrase,
  reportingCalendar,
} from './deadline-rule.js';

const plan2009 = { fromYear: 2009, toYear: 2011 };

function ruleOf(text: string): DeadlineRule {
  const parsed = parseDeadlinePhrase(text, plan2009);
  if (!('rule' in parsed)) {
    throw new Error(`expected a rule for "${text}", got: ${parsed.problem}`);
  }
  return parsed.rule;
}

describe('reading the Date of Performance column', () => {
  it('reads "Annually, by January 20th" with its footnote markup as a yearly date', () => {
    expect(ruleOf('Annually, by January 20 <sup>th</sup>')).toEqual({ kind: 'annual', month: 1, day: 20 });
    expect(ruleOf('Annually, by 30 January')).toEqual({ kind: 'annual', month: 1, day: 30 });
  });

  it('reads the quarterly form, also when a page break split it over two rows', () => {
    const rule = { kind: 'quarterly', dayOfFollowingMonth: 20 };
    expect(ruleOf('Quarterly, by the 20 <sup>th</sup> of the month following the reporting quarter')).toEqual(rule);
    expect(ruleOf('Quarterly, by the 20 <sup>th</sup> of   the month following the reporting quarter.')).toEqual(rule);
  });

  it('reads "Following the results of 6 months" as a half-yearly report on two dates', () => {
    expect(ruleOf('Following the results of 6 months, by January 20 <sup>th</sup> and July 20 <sup>th</sup>')).toEqual({
      kind: 'semiannual',
      dates: [
        { month: 1, day: 20 },
        { month: 7, day: 20 },
      ],
    });
  });

  it('puts a one-off deadline at the end of the quarter or month it names', () => {
    expect(ruleOf('3 <sup>rd</sup> quarter of 2009')).toEqual({
      kind: 'once',
      from: '2009-07-01',
      due: '2009-09-30',
      label: '3rd quarter of 2009',
    });
    expect(ruleOf('May of 2009')).toMatchObject({ kind: 'once', from: '2009-05-01', due: '2009-05-31' });
    expect(ruleOf('December of 2009')).toMatchObject({ due: '2009-12-31' });
    expect(ruleOf('January of 2010')).toMatchObject({ due: '2010-01-31' });
    expect(ruleOf('2nd half of 2010')).toMatchObject({ from: '2010-07-01', due: '2010-12-31' });
  });

  it('reads "During 2009 - 2011" as work throughout the period', () => {
    expect(ruleOf('During 2009 - 2011')).toEqual({ kind: 'throughout', from: '2009-01-01', to: '2011-12-31' });
    expect(ruleOf('During 2010')).toEqual({ kind: 'throughout', from: '2010-01-01', to: '2010-12-31' });
    expect(ruleOf('Constantly')).toEqual({ kind: 'throughout', from: '2009-01-01', to: '2011-12-31' });
  });

  it('reports a phrase it does not know, keeping the words for a person to read', () => {
    const parsed = parseDeadlinePhrase('At the discretion of the minister', plan2009);
    expect(parsed).toEqual({ problem: expect.stringContaining('"At the discretion of the minister"') });
  });

  it('reports a year outside the plan instead of scheduling it', () => {
    expect(parseDeadlinePhrase('May of 2019', plan2009)).toEqual({ problem: expect.stringContaining('2019') });
    expect(parseDeadlinePhrase('During 2011 - 2009', plan2009)).toEqual({ problem: expect.stringContaining('ends before') });
    expect(parseDeadlinePhrase('', plan2009)).toEqual({ problem: 'no date of performance is given' });
  });
});

describe('a coordinator edits a rule', () => {
  it('accepts a corrected rule and refuses an impossible one', () => {
    expect(deadlineRuleSchema.safeParse({ kind: 'annual', month: 2, day: 29 }).success).toBe(true);
    expect(deadlineRuleSchema.safeParse({ kind: 'annual', month: 4, day: 31 }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ kind: 'once', from: '2009-10-01', due: '2009-09-30', label: 'x' }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ kind: 'once', from: '2009-02-01', due: '2009-02-30', label: 'x' }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ kind: 'semiannual', dates: [{ month: 7, day: 20 }] }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ kind: 'weekly' }).success).toBe(false);
  });

  it('round-trips every rule the parser makes through JSON', () => {
    for (const text of ['Annually, by January 20th', 'Quarterly, by the 20th of the month following the reporting quarter', 'May of 2009', 'During 2009 - 2011']) {
      const rule = ruleOf(text);
      expect(deadlineRuleSchema.parse(JSON.parse(JSON.stringify(rule)))).toEqual(rule);
    }
  });
});

describe('the rule in words', () => {
  it('reads back each form in English', () => {
    expect(describeDeadlineRule(ruleOf('3rd quarter of 2009'), 'en')).toBe('Once, by 30 September 2009 (3rd quarter of 2009)');
    expect(describeDeadlineRule(ruleOf('May of 2009'), 'en')).toBe('Once, by 31 May 2009 (May 2009)');
    expect(describeDeadlineRule(ruleOf('Annually, by January 20th'), 'en')).toBe(
      'Annually, by 20 January, on the calendar year just ended',
    );
    expect(describeDeadlineRule({ kind: 'quarterly', dayOfFollowingMonth: 20 }, 'en')).toBe(
      'Quarterly, by the 20th of the month following the reporting quarter',
    );
    expect(describeDeadlineRule(ruleOf('Following the results of 6 months, by January 20th and July 20th'), 'en')).toBe(
      'Every six months, by 20 January and 20 July, on the half-year just ended',
    );
    expect(describeDeadlineRule(ruleOf('During 2009 - 2011'), 'en')).toBe(
      'Throughout 2009–2011; reported every six months, by 20 January and 20 July',
    );
  });

  it('reads back each form in Russian', () => {
    expect(describeDeadlineRule(ruleOf('3rd quarter of 2009'), 'ru')).toBe('Однократно, до 30 сентября 2009 г. (III квартал 2009 г.)');
    expect(describeDeadlineRule(ruleOf('May of 2009'), 'ru')).toBe('Однократно, до 31 мая 2009 г. (май 2009 г.)');
    expect(describeDeadlineRule({ kind: 'annual', month: 1, day: 30 }, 'ru')).toBe(
      'Ежегодно, до 30 января, за истекший календарный год',
    );
    expect(describeDeadlineRule({ kind: 'quarterly', dayOfFollowingMonth: 20 }, 'ru')).toBe(
      'Ежеквартально, до 20 числа месяца, следующего за отчётным кварталом',
    );
    expect(describeDeadlineRule(ruleOf('Following the results of 6 months, by January 20th and July 20th'), 'ru')).toBe(
      'Раз в полугодие, до 20 января и 20 июля, за истекшее полугодие',
    );
    expect(describeDeadlineRule(ruleOf('During 2009 - 2011'), 'ru')).toBe(
      'В течение 2009–2011 гг.; отчёт раз в полугодие, до 20 января и 20 июля',
    );
    expect(describeDeadlineRule({ kind: 'throughout', from: '2010-03-01', to: '2010-04-30' }, 'ru')).toBe(
      'В период с 1 марта 2010 г. по 30 апреля 2010 г.; отчёт раз в полугодие, до 20 января и 20 июля',
    );
  });
});

describe('the reporting calendar', () => {
  it('asks for twelve quarterly reports, the last one after the plan ends', () => {
    const calendar = reportingCalendar({ kind: 'quarterly', dayOfFollowingMonth: 20 }, plan2009);
    expect(calendar).toHaveLength(12);
    expect(calendar[0]).toEqual({ periodLabel: '2009-Q1', periodStart: '2009-01-01', periodEnd: '2009-03-31', dueDate: '2009-04-20' });
    expect(calendar.map((report) => report.dueDate).slice(1, 4)).toEqual(['2009-07-20', '2009-10-20', '2010-01-20']);
    expect(calendar.at(-1)).toEqual({ periodLabel: '2011-Q4', periodStart: '2011-10-01', periodEnd: '2011-12-31', dueDate: '2012-01-20' });
  });

  it('dates an annual report after the year it covers', () => {
    expect(reportingCalendar({ kind: 'annual', month: 1, day: 30 }, plan2009).map((report) => [report.periodLabel, report.dueDate])).toEqual([
      ['2009', '2010-01-30'],
      ['2010', '2011-01-30'],
      ['2011', '2012-01-30'],
    ]);
  });

  it('moves 29 February to the 28th in a year without it', () => {
    const calendar = reportingCalendar({ kind: 'annual', month: 2, day: 29 }, { fromYear: 2010, toYear: 2011 });
    expect(calendar.map((report) => report.dueDate)).toEqual(['2011-02-28', '2012-02-29']);
  });

  it('dates half-yearly reports on the first reporting date after each half', () => {
    const rule = ruleOf('Following the results of 6 months, by January 20th and July 20th');
    expect(reportingCalendar(rule, plan2009).map((report) => `${report.periodLabel} ${report.dueDate}`)).toEqual([
      '2009-H1 2009-07-20',
      '2009-H2 2010-01-20',
      '2010-H1 2010-07-20',
      '2010-H2 2011-01-20',
      '2011-H1 2011-07-20',
      '2011-H2 2012-01-20',
    ]);
  });

  it('reports work done throughout the plan on the Decree dates, and clips a shorter span', () => {
    expect(reportingCalendar(ruleOf('During 2009 - 2011'), plan2009)).toHaveLength(6);
    expect(reportingCalendar({ kind: 'throughout', from: '2010-03-01', to: '2010-09-15' }, plan2009)).toEqual([
      { periodLabel: '2010-03-01..2010-06-30', periodStart: '2010-03-01', periodEnd: '2010-06-30', dueDate: '2010-07-20' },
      { periodLabel: '2010-07-01..2010-09-15', periodStart: '2010-07-01', periodEnd: '2010-09-15', dueDate: '2011-01-20' },
    ]);
  });

  it('asks once for a one-off measure', () => {
    expect(reportingCalendar(ruleOf('3rd quarter of 2009'), plan2009)).toEqual([
      { periodLabel: '2009-Q3', periodStart: '2009-07-01', periodEnd: '2009-09-30', dueDate: '2009-09-30' },
    ]);
    expect(reportingCalendar(ruleOf('May of 2009'), plan2009)).toEqual([
      { periodLabel: '2009-05', periodStart: '2009-05-01', periodEnd: '2009-05-31', dueDate: '2009-05-31' },
    ]);
  });
});
