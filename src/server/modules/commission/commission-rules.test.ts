import { describe, expect, it } from 'vitest';
import { addDays, addMonths, meetingWarnings, noticeDueDate, noticeStanding, proposeNextWorkingBody, rotationSchedule, type Rotation } from './commission-rules.js';

const rotation: Rotation = { bodies: ['MIA', 'MHSD'], years: 2 };

describe('rotation of the working body', () => {
  it('hands over from the Ministry of Justice to MIA, then MIA and MHSD take two-year turns', () => {
    const justice = { organizationCode: 'MJ', from: '2003-09-26', to: '2014-05-01' };
    expect(proposeNextWorkingBody({ periods: [justice], rotation })).toEqual({ organizationCode: 'MIA', from: '2014-05-01', to: '2016-05-01' });
    const police = { organizationCode: 'MIA', from: '2014-05-01', to: null };
    expect(proposeNextWorkingBody({ periods: [justice, police], rotation })).toEqual({ organizationCode: 'MHSD', from: '2016-05-01', to: '2018-05-01' });
    const social = { organizationCode: 'MHSD', from: '2016-01-01', to: null };
    expect(proposeNextWorkingBody({ periods: [police, social], rotation })?.organizationCode).toBe('MIA');
  });

  it('proposes nothing for a commission without any working body yet', () => {
    expect(proposeNextWorkingBody({ periods: [], rotation })).toBeNull();
  });

  it('lays out the turns up to a date, each two years long', () => {
    const schedule = rotationSchedule({ firstBody: 'MIA', from: '2014-05-01', rotation, until: '2019-01-01' });
    expect(schedule.map((period) => `${period.organizationCode} ${period.from}..${period.to}`)).toEqual([
      'MIA 2014-05-01..2016-05-01',
      'MHSD 2016-05-01..2018-05-01',
      'MIA 2018-05-01..2020-05-01',
    ]);
  });
});

describe('a meeting at least every six months', () => {
  it('flags the 29th and 30th meetings as on time and a gap of seven months after them', () => {
    const meetings = [
      { number: 29, date: '2015-06-25', status: 'held' as const },
      { number: 30, date: '2015-12-23', status: 'held' as const },
      { number: 31, date: '2016-07-28', status: 'scheduled' as const },
    ];
    const result = meetingWarnings(meetings, '2016-03-01');
    expect(result.warnings).toEqual([{ kind: 'gap', afterNumber: 30, beforeNumber: 31, dueBy: '2016-06-23' }]);
    expect(result.nextMeetingDueBy).toBe('2017-01-28');
  });

  it('does not count a cancelled meeting, and flags a next meeting overdue', () => {
    const meetings = [
      { number: 1, date: '2020-01-15', status: 'held' as const },
      { number: 2, date: '2020-06-01', status: 'cancelled' as const },
    ];
    expect(meetingWarnings(meetings, '2020-07-16')).toEqual({
      nextMeetingDueBy: '2020-07-15',
      warnings: [{ kind: 'overdue', afterNumber: 1, dueBy: '2020-07-15' }],
    });
    expect(meetingWarnings(meetings, '2020-07-15').warnings).toEqual([]);
  });

  it('counts six calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2015-08-31', 6)).toBe('2016-02-29');
    expect(addMonths('2015-12-23', 6)).toBe('2016-06-23');
    expect(meetingWarnings([], '2020-01-01')).toEqual({ nextMeetingDueBy: null, warnings: [] });
  });
});

describe('notice to members', () => {
  it('is due the configured number of days before the meeting, across a month and a year', () => {
    expect(noticeDueDate('2015-12-23', 10)).toBe('2015-12-13');
    expect(noticeDueDate('2016-01-05', 10)).toBe('2015-12-26');
    expect(noticeDueDate('2016-03-01', 1)).toBe('2016-02-29');
    expect(addDays('2016-02-28', 2)).toBe('2016-03-01');
  });

  it('tells a notice sent in time from one sent late, and an unsent one not yet due from an overdue one', () => {
    const meeting = { meetingDate: '2015-12-23', noticeDays: 10 };
    expect(noticeStanding({ ...meeting, sentOn: '2015-12-13', today: '2015-12-20' })).toBe('sent');
    expect(noticeStanding({ ...meeting, sentOn: '2015-12-14', today: '2015-12-20' })).toBe('sent_late');
    expect(noticeStanding({ ...meeting, sentOn: null, today: '2015-12-13' })).toBe('not_yet_due');
    expect(noticeStanding({ ...meeting, sentOn: null, today: '2015-12-14' })).toBe('overdue');
  });
});
