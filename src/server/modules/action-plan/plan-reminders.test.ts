import { describe, expect, it } from 'vitest';
import { remindersOn, type RemindableObligation } from './plan-reminders.js';

const owed = (overrides: Partial<RemindableObligation>): RemindableObligation => ({
  planId: 'plan',
  measure: 1,
  organizationCode: 'MLSP',
  periodLabel: '2012',
  dueDate: '2013-01-20',
  reportStatus: 'missing',
  ...overrides,
});

describe('reminders on Action Plan reports', () => {
  it('reminds ten days ahead by default, on the due day itself, and every day after it is overdue', () => {
    const obligations = [owed({ periodLabel: '2012', dueDate: '2013-01-20' })];
    expect(remindersOn({ obligations, today: '2013-01-09' })).toEqual([]);
    expect(remindersOn({ obligations, today: '2013-01-10' })).toEqual([expect.objectContaining({ kind: 'due_soon', days: 10 })]);
    expect(remindersOn({ obligations, today: '2013-01-20' })).toEqual([expect.objectContaining({ kind: 'due_soon', days: 0 })]);
    expect(remindersOn({ obligations, today: '2013-01-21' })).toEqual([expect.objectContaining({ kind: 'overdue', days: 1 })]);
    expect(remindersOn({ obligations, today: '2014-01-21' })).toEqual([expect.objectContaining({ kind: 'overdue', days: 366 })]);
  });

  it('takes the lead days it is given', () => {
    const obligations = [owed({ dueDate: '2013-01-20' })];
    expect(remindersOn({ obligations, today: '2013-01-01', leadDays: 30 })).toEqual([expect.objectContaining({ kind: 'due_soon', days: 19 })]);
    expect(remindersOn({ obligations, today: '2013-01-19', leadDays: 0 })).toEqual([]);
  });

  it('leaves out reports that are submitted or accepted, and reminds of drafts and returned reports', () => {
    const today = '2013-02-01';
    const statuses = ['missing', 'draft', 'submitted', 'returned', 'accepted'] as const;
    const obligations = statuses.map((reportStatus, index) => owed({ measure: index + 1, reportStatus }));
    expect(remindersOn({ obligations, today }).map((reminder) => reminder.reportStatus)).toEqual(['missing', 'draft', 'returned']);
  });

  it('puts the longest overdue first, then the soonest due', () => {
    const obligations = [
      owed({ measure: 1, periodLabel: '2013-Q1', dueDate: '2013-04-20' }),
      owed({ measure: 2, periodLabel: '2012-Q4', dueDate: '2013-01-20' }),
      owed({ measure: 3, periodLabel: '2012-Q3', dueDate: '2012-10-20' }),
      owed({ measure: 4, periodLabel: '2013-Q1', dueDate: '2013-04-15' }),
    ];
    const reminders = remindersOn({ obligations, today: '2013-04-10' });
    expect(reminders.map((reminder) => `${reminder.kind} ${reminder.measure} ${reminder.days}`)).toEqual(['overdue 3 172', 'overdue 2 80', 'due_soon 4 5', 'due_soon 1 10']);
  });
});
