import type { SenimDatabase } from '../db/database.js';
import { systemActor } from '../platform/actor.js';
import { recordMinutes, scheduleMeeting } from '../modules/commission/commission-meeting.service.js';
import { addMember, createCommission } from '../modules/commission/commission-setup.service.js';

export interface TestCommission {
  id: string;
  /** A seat other than the home organization's, for leaving. */
  otherMemberId: string;
  /** Meeting 1, held in 2020 with minutes; meeting 2, scheduled for 2030. */
  heldMeeting: number;
  scheduledMeeting: number;
  /** A consolidated report published for 2020-07-20 (a stand-in PDF: the publishing is tested on its own). */
  publishedReportId: string;
  /** A scheduled meeting nobody cancelled yet, made anew once one is. */
  freshScheduledMeeting(): Promise<number>;
}

/** A commission served and sat on by `organizationCode`, with a held and a scheduled meeting. */
export async function createTestCommission(database: SenimDatabase, organizationCode: string): Promise<TestCommission> {
  const actor = systemActor('test');
  const commission = await createCommission({
    database,
    actor,
    request: {
      level: 'national',
      name: { ru: 'Тестовая комиссия', kk: 'Сынақ комиссиясы', en: 'Test commission' },
      establishedOn: '2019-01-01',
      noticeDays: 10,
      workingBody: organizationCode,
    },
  });
  await addMember({ database, actor, commissionId: commission.id, request: { organizationCode, kind: 'ngo', from: '2019-01-01' } });
  const seated = await addMember({ database, actor, commissionId: commission.id, request: { organizationCode: 'MJ', kind: 'state_body', from: '2019-01-01' } });
  const other = seated.members.find((member) => member.organization.code === 'MJ');
  const held = await scheduleMeeting({ database, actor, commissionId: commission.id, request: { date: '2020-03-01', place: 'Astana', agenda: ['Judicial practice'] } });
  await recordMinutes({ database, actor, commissionId: commission.id, number: held.number, request: { text: 'Minutes of the test meeting', published: false } });
  const schedule = async () =>
    (await scheduleMeeting({ database, actor, commissionId: commission.id, request: { date: '2030-01-01', place: 'Astana', agenda: ['Assistance to victims'] } })).number;
  const scheduled = await schedule();
  const report = await database.db
    .insertInto('commission_reports')
    .values({ commission_id: commission.id, reporting_date: '2020-07-20', language: 'ru', content: Buffer.from('%PDF-1.4\n%stand-in\n'), size_bytes: 20, published_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  let fresh: number | null = null;
  return {
    id: commission.id,
    otherMemberId: other?.id ?? '',
    heldMeeting: held.number,
    scheduledMeeting: scheduled,
    publishedReportId: report.id,
    freshScheduledMeeting: async () => {
      const status = fresh === null ? null : (await database.db.selectFrom('commission_meetings').select('status').where('commission_id', '=', commission.id).where('number', '=', fresh).executeTakeFirstOrThrow()).status;
      if (fresh === null || status !== 'scheduled') {
        fresh = await schedule();
      }
      return fresh;
    },
  };
}
