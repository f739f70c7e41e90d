import type { SenimDatabase } from '../../db/database.js';
import { systemActor } from '../../platform/actor.js';
import { addDays, addMonths, rotationSchedule, type Rotation } from './commission-rules.js';
import { recordDecision, recordMinutes, scheduleMeeting, sendNotice } from './commission-meeting.service.js';
import { addMember, createCommission, endMembership, handOverWorkingBody } from './commission-setup.service.js';
import { insertMeeting, updateMinutes } from './commission.repo.js';
import { commissionToday } from './commission.view.js';

// The national Inter-Agency Commission as the seeds describe it (001_*.txt):
// set up by Decree No. 983 of 26 September 2003 with the Ministry of Justice
// as working body; from May 2014 MIA and the social protection ministry take
// two-year turns (MIA first; MHSD after the 30th meeting of 23 December 2015).
// What follows 2018 is the same rotation carried on to today, for the demo;
// meetings 31 and 32 are made up around today's date.

const NAME = {
  ru: 'Межведомственная комиссия по вопросам борьбы с незаконным вывозом, ввозом и торговлей людьми',
  kk: 'Адамдарды заңсыз әкетуге, әкелуге және саудалауға қарсы күрес мәселелері жөніндегі ведомствоаралық комиссия',
  en: 'Inter-Agency Commission on Combating Illegal Export, Import and Trafficking in Human Beings',
};

const ROTATION: Rotation = { bodies: ['MIA', 'MLSP'], years: 2 };

const SEATS: Array<{ code: string; kind: 'state_body' | 'ngo' | 'observer'; from: string; to?: string }> = [
  ...['MJ', 'MIA', 'MFA', 'MES', 'MH', 'MCI', 'MF', 'PGO', 'SC', 'NSC', 'HRC', 'NCWDP'].map((code) => ({ code, kind: 'state_body' as const, from: '2003-09-26' })),
  // Labour and social protection: merged into MHSD in 2014, separate again from 2017.
  { code: 'MLSP', kind: 'state_body', from: '2003-09-26', to: '2014-04-30' },
  { code: 'MHSD', kind: 'state_body', from: '2014-05-01', to: '2017-12-31' },
  { code: 'MLSP', kind: 'state_body', from: '2018-01-01' },
  ...['NGO-UCC', 'NGO-KORGAU-ASTANA', 'NGO-SANA-SEZIM', 'NGO-HEALTHY-CHOICE', 'CC-AKT-WSC'].map((code) => ({ code, kind: 'ngo' as const, from: '2015-01-01' })),
  ...['IO-OSCE-POA', 'IO-IOM'].map((code) => ({ code, kind: 'observer' as const, from: '2015-01-01' })),
];

// Seed 001: the Supreme Court's summary planned for the second half of 2016,
// and the monitoring of secondary special social services discussed in 2015.
const MEETING_30_DECISIONS = [
  {
    text: 'Summarize judicial practice on protecting the rights of victims of trafficking in human beings in court, on the criminal cases of 2014 and 2015',
    responsible: ['SC'],
    dueDate: '2016-12-31',
  },
  {
    text: 'Monitor secondary special social services to victims so that they are not drawn back into the cycle of crime',
    responsible: ['MHSD', 'NGO-UCC'],
    dueDate: '2016-06-30',
  },
];

/** Loads the demo commission once; a database that has it is left alone. */
export async function loadDemoCommission(database: SenimDatabase): Promise<void> {
  const existing = await database.db.selectFrom('commissions').select('id').where('name_en', '=', NAME.en).executeTakeFirst();
  if (existing) {
    return;
  }
  const actor = systemActor('seed-demo');
  const today = commissionToday();
  const commission = await createCommission({
    database,
    actor,
    request: { level: 'national', name: NAME, establishedOn: '2003-09-26', noticeDays: 10, workingBody: 'MJ', rotation: { bodies: [...ROTATION.bodies], years: ROTATION.years } },
  });
  const commissionId = commission.id;
  for (const seat of SEATS) {
    const seated = await addMember({ database, actor, commissionId, request: { organizationCode: seat.code, kind: seat.kind, from: seat.from } });
    const member = seated.members.find((candidate) => candidate.organization.code === seat.code && candidate.to === null);
    if (seat.to && member) {
      await endMembership({ database, actor, commissionId, memberId: member.id, request: { on: seat.to } });
    }
  }
  const handOvers = [
    { organizationCode: 'MIA', from: '2014-05-01' },
    { organizationCode: 'MHSD', from: '2016-01-01' },
    ...rotationSchedule({ firstBody: 'MIA', from: '2018-01-01', rotation: ROTATION, until: today }).map((period) => ({ organizationCode: period.organizationCode, from: period.from })),
  ];

  await handOverWorkingBody({ database, actor, commissionId, request: handOvers[0] ?? { organizationCode: 'MIA', from: '2014-05-01' } });
  await recordSeedMeetings(database, commissionId);
  for (const decision of MEETING_30_DECISIONS) {
    await recordDecision({ database, actor, commissionId, number: 30, request: decision });
  }
  for (const handOver of handOvers.slice(1)) {
    await handOverWorkingBody({ database, actor, commissionId, request: handOver });
  }

  const recent = addMonths(today, -3);
  await scheduleMeeting({
    database,
    actor,
    commissionId,
    request: { date: recent, place: 'Astana, Government House', agenda: ['Regional commissions report on identified victims', 'Access of NGOs to the referral of victims'] },
  });
  await recordMinutes({
    database,
    actor,
    commissionId,
    number: 31,
    request: { text: 'Regional commissions reported. The Commission asks MLSP, MIA and the NGOs to report on victims referred to special social services.', published: false },
  });
  await recordDecision({
    database,
    actor,
    commissionId,
    number: 31,
    request: { text: 'Report on victims referred to special social services and the services given', responsible: ['MLSP', 'MIA', 'NGO-KORGAU-ASTANA'], dueDate: addMonths(today, 1) },
  });
  await scheduleMeeting({
    database,
    actor,
    commissionId,
    request: { date: addDays(today, 20), place: 'Astana, Government House', agenda: ['Results of the half-year', 'Drafting the next Action Plan'] },
  });
  await sendNotice({ database, actor, commissionId, number: 32 });
}

/** Meetings 29 and 30 as the seeds report them: earlier meetings predate Senim, so their numbers are given, not taken. */
async function recordSeedMeetings(database: SenimDatabase, commissionId: string): Promise<void> {
  const meetings = [
    {
      number: 29,
      date: '2015-06-25',
      agenda: [
        'Work of the B. Beysenov Centre for Training Specialists in Combating Illegal Migration and Trafficking in Human Beings, MIA Karaganda Academy, in 2014 and the first half of 2015',
        'Monitoring of secondary special social services to victims of trafficking in human beings',
      ],
      minutes: 'The meeting heard the heads of the relevant departments and representatives of international and non-governmental organizations on the training centre and on the monitoring of special social services.',
    },
    {
      number: 30,
      date: '2015-12-23',
      agenda: [
        'Analysis of judicial practice in criminal cases connected with trafficking in human beings in 2012 to 2014',
        'Implementation of the Action Plan for 2015 to 2017',
        'Provision of assistance to victims of trafficking in human beings',
      ],
      minutes: 'Following the meeting, the powers of the working body pass to the Ministry of Health and Social Development.',
    },
  ];
  await database.db.transaction().execute(async (trx) => {
    for (const meeting of meetings) {
      const id = await insertMeeting(trx, { commissionId, number: meeting.number, date: meeting.date, place: 'Astana', agenda: meeting.agenda, status: 'held' });
      await updateMinutes(trx, id, { text: meeting.minutes, published: true });
    }
  });
}
