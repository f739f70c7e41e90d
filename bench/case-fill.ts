// Fills a database for the case load test (bench/cases.ts) with set-based
// SQL: persons, involvements of a handful of organizations, cases at every
// step, consents, named workers, screenings, decisions, referrals, services
// and timeline events. Deterministic: case i is the same on every run.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import pino from 'pino';
import { openDatabase, type DatabaseTarget } from '../src/server/db/database.js';
import type { Database } from '../src/server/db/schema.js';
import { deriveVaultKeys, parseDataKey, type VaultKeys } from '../src/server/platform/vault/data-key.js';
import { staffEmailDigests } from '../src/server/platform/vault/staff-email.js';
import { prepareDatabase } from '../src/server/runtime.js';
import { useAuditKey } from '../src/server/platform/audit-chain.js';
import { testAuditKey } from '../src/server/testing/test-audit-key.js';

/** The measured case worker: Korgau-Astana, involved in about a quarter of the cases. */
export const WORKER_EMAIL = 'caseworker.korgau@demo.senim.local';
// Organizations the cases are spread over; the first is the measured case worker's.
const ORGANIZATIONS = ['NGO-KORGAU-ASTANA', 'NGO-SANA-SEZIM', 'SHELTER-ALA', 'HOTLINE-11616', 'NGO-UCC', 'NGO-HEALTHY-CHOICE'];

export interface BenchSize {
  cases: number;
  eventsPerCase: number;
}

/** A version-4 UUID made from text, so that rows made apart (a case and its person) find each other. */
const uuid = (text: RawBuilder<unknown>): RawBuilder<string> => sql<string>`overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** Persons, cases, involvements, consents, named workers, screenings, decisions, referrals, services and events, all by generate_series. */
export async function fillCases(db: Kysely<Database>, vaultKeys: VaultKeys, size: BenchSize, log: (message: string) => void): Promise<void> {
  const organizations = await db.selectFrom('organizations').select(['id', 'code']).where('code', 'in', [...ORGANIZATIONS, 'MIA']).execute();
  const idOf = (code: string): string => {
    const found = organizations.find((row) => row.code === code);
    if (!found) {
      throw new Error(`Organization ${code} is missing: the demo data should have it`);
    }
    return found.id;
  };
  const orgs = ORGANIZATIONS.map(idOf);
  const mia = idOf('MIA');
  const shelter = idOf('SHELTER-ALA');
  const worker = await db.selectFrom('users').select('id').where('email_digest', 'in', staffEmailDigests(vaultKeys, WORKER_EMAIL)).executeTakeFirstOrThrow();
  const regions = (await db.selectFrom('regions').select('id').where('valid_to', 'is', null).execute()).map((row) => row.id);
  const questionnaire = await db.selectFrom('screening_questionnaires').select('id').where('audience', '=', 'adult').orderBy('version', 'desc').executeTakeFirstOrThrow();
  const n = size.cases;
  // The organization of case i; Korgau-Astana is also involved, by referral, in every tenth case of the others.
  // The measured worker recorded a few hundred of them and is named on some children's cases: their own worklist.
  const orgOf = sql`(${orgs}::uuid[])[1 + i % ${orgs.length}]`;
  const korgauInvolved = sql`(i % ${orgs.length} = 0 or i % 10 = 3)`;
  const child = sql`(i % 8 = 5)`;
  const chunk = 20_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await db.transaction().execute(async (trx) => {
      await sql`
        insert into persons (id, owner_organization_id, created_at, updated_at)
        select ${uuid(sql`'p' || i`)}, ${orgOf}, now() - (i % 900) * interval '1 day', now() - (i % 900) * interval '1 day'
        from generate_series(${from}::int, ${to}::int) i`.execute(trx);
      await sql`
        insert into person_involvements (person_id, organization_id, basis, granted_at)
        select ${uuid(sql`'p' || i`)}, ${orgOf}, 'recorded', now() - (i % 900) * interval '1 day' from generate_series(${from}::int, ${to}::int) i
        union all
        select ${uuid(sql`'p' || i`)}, ${orgs[0]}::uuid, 'referral', now() - (i % 900) * interval '1 day' from generate_series(${from}::int, ${to}::int) i where i % 10 = 3 and i % ${orgs.length} <> 0
        union all
        select ${uuid(sql`'p' || i`)}, ${mia}::uuid, 'police_consent', now() - (i % 900) * interval '1 day' from generate_series(${from}::int, ${to}::int) i where i % 9 = 0`.execute(trx);
      // Status and step by the case's age: the oldest are closed, the newest at the first steps.
      await sql`
        insert into nrm_cases (id, code, person_id, owner_organization_id, region_id, created_by, created_at, updated_at, status, episode,
          possible_retrafficking, referral_source, meeting_context, first_contact_date, sex, age_years, age_basis, citizenship,
          exploitation_forms, step, latest_decision, decision_due_on, reflection_ends_on, closure_outcome, closed_at)
        select ${uuid(sql`'c' || i`)}, 'BEN-' || lpad(i::text, 7, '0'), ${uuid(sql`'p' || i`)}, ${orgOf}, (${regions}::int[])[1 + i % ${regions.length}],
          case when i % ${orgs.length} = 0 and i % 300 = 0 then ${worker.id}::uuid end,
          now() - (i % 900) * interval '1 day', now() - (i % 900) * interval '1 day' + interval '3 days',
          case when i % 900 > 400 then 'closed' when i % 900 > 300 then 'follow_up' else 'active' end,
          1 + (i % 50 = 0)::int, i % 50 = 0,
          (array['police', 'self_referral', 'ngo_outreach', 're_applicant'])[1 + i % 4], (array['raid', 'came_to_office', 'street_outreach', 'health_facility'])[1 + i % 4],
          (now() - (i % 900) * interval '1 day')::date,
          case when i % 5 < 3 then 'male' else 'female' end,
          case when ${child} then 12 + i % 6 else 18 + i % 40 end, 'declared',
          (array['KAZ', 'KAZ', 'KAZ', 'UZB', 'KGZ', 'TJK', 'RUS', 'stateless'])[1 + i % 8],
          case when i % 900 > 60 then array[(array['labour', 'labour', 'labour', 'sexual', 'forced_begging'])[1 + i % 5]] else '{}' end,
          case when i % 900 > 400 then 'closed' when i % 900 > 300 then 'follow_up' when i % 900 > 60 then 'assistance'
               else (array['consent', 'screening', 'identification', 'referral'])[1 + i % 4] end,
          case when i % 900 > 60 then 'identified' when i % 4 = 2 and i % 3 = 0 then 'pending' end,
          (now() - (i % 900) * interval '1 day')::date + 7,
          case when i % 8 >= 3 then (now() - (i % 900) * interval '1 day')::date + 30 end,
          case when i % 900 > 300 then (case when i % 11 = 0 then 'expelled_negative' else 'reintegrated' end) end,
          case when i % 900 > 300 then now() - (i % 900) * interval '1 day' + interval '200 days' end
        from generate_series(${from}::int, ${to}::int) i`.execute(trx);
      await sql`
        insert into case_workers (case_id, user_id, named_at)
        select ${uuid(sql`'c' || i`)}, ${worker.id}::uuid, now() - (i % 900) * interval '1 day'
        from generate_series(${from}::int, ${to}::int) i where ${korgauInvolved} and i % 400 = 13`.execute(trx);
      await sql`
        insert into case_consents (id, case_id, scope, organization_id, given, method, recorded_at)
        select ${uuid(sql`'k' || i || s.scope`)}, ${uuid(sql`'c' || i`)}, s.scope, case when s.scope = 'police_sharing' then ${mia}::uuid end, true, 'written', now() - (i % 900) * interval '1 day'
        from generate_series(${from}::int, ${to}::int) i
        cross join (values ('processing'), ('referral'), ('police_sharing')) as s(scope)
        where (s.scope = 'processing' and not (i % 900 <= 60 and i % 4 = 0)) or (s.scope = 'referral' and i % 5 < 3) or (s.scope = 'police_sharing' and i % 9 = 0)`.execute(trx);
      await sql`
        insert into case_screenings (id, case_id, questionnaire_id, interviewed_on, organization_id, recorded_at, assessment)
        select ${uuid(sql`'s' || i`)}, ${uuid(sql`'c' || i`)}, ${questionnaire.id}::uuid, (now() - (i % 900) * interval '1 day')::date + 2, ${orgOf},
          now() - (i % 900) * interval '1 day' + interval '2 days',
          '{"preliminary":"probable_victim","dimensions":[],"reasons":["strong indicators of exploitation"],"childRuleApplied":false}'::jsonb
        from generate_series(${from}::int, ${to}::int) i where i % 900 > 30`.execute(trx);
      await sql`
        insert into screening_observations (screening_id, indicator_code, answer)
        select ${uuid(sql`'s' || i`)}, o.code, 'yes'
        from generate_series(${from}::int, ${to}::int) i
        cross join (values ('exploitation.excessive_hours'), ('exploitation.low_or_no_salary'), ('coercion.documents_confiscated'), ('coercion.debt_bondage')) as o(code)
        where i % 900 > 30`.execute(trx);
      await sql`
        insert into identification_decisions (id, case_id, organization_id, decided_at, outcome, exploitation_forms, trafficking_scope, reasons)
        select ${uuid(sql`'d' || i`)}, ${uuid(sql`'c' || i`)}, ${orgOf}, now() - (i % 900) * interval '1 day' + interval '5 days', 'identified',
          array['labour'], 'internal', 'Strong indicators of exploitation and coercion under the Criteria'
        from generate_series(${from}::int, ${to}::int) i where i % 900 > 60`.execute(trx);
      await sql`
        insert into case_referrals (id, case_id, from_organization_id, to_organization_id, service_types, reason, requested_at, status, responded_at, decline_reason)
        select ${uuid(sql`'r' || i`)}, ${uuid(sql`'c' || i`)}, ${orgOf}, ${shelter}::uuid, array['social_welfare', 'psychological'], 'Safe accommodation and counselling',
          now() - (i % 900) * interval '1 day' + interval '6 days',
          case when i % 7 = 0 then 'declined' else 'accepted' end, now() - (i % 900) * interval '1 day' + interval '7 days',
          case when i % 7 = 0 then 'No free places' end
        from generate_series(${from}::int, ${to}::int) i where i % 900 > 60 and i % 3 = 0`.execute(trx);
      await sql`
        insert into case_services (id, case_id, service_type, provider_organization_id, status, planned_from, planned_to, delivered_on, updated_at)
        select ${uuid(sql`'v' || i || t.type`)}, ${uuid(sql`'c' || i`)}, t.type, ${orgOf}, case when i % 900 > 300 then 'delivered' else 'in_progress' end,
          (now() - (i % 900) * interval '1 day')::date + 8, (now() - (i % 900) * interval '1 day')::date + 90,
          case when i % 900 > 300 then (now() - (i % 900) * interval '1 day')::date + 90 end, now() - (i % 900) * interval '1 day' + interval '8 days'
        from generate_series(${from}::int, ${to}::int) i cross join (values ('legal'), ('psychological')) as t(type) where i % 900 > 60`.execute(trx);
      await sql`
        insert into case_events (case_id, kind, occurred_at, organization_id, details)
        select ${uuid(sql`'c' || i`)},
          (array['case.created', 'consent.recorded', 'screening.recorded', 'identification.decided', 'referral.requested', 'referral.accepted',
                 'service.recorded', 'service.updated', 'follow_up.recorded', 'case.closed'])[1 + (e - 1) % 10],
          now() - (i % 900) * interval '1 day' + e * interval '9 hours', ${orgOf}, jsonb_build_object('step', e)
        from generate_series(${from}::int, ${to}::int) i cross join generate_series(1, ${size.eventsPerCase}::int) e`.execute(trx);
    });
    log(`filled cases ${from} to ${to}`);
  }
  for (const table of ['persons', 'person_involvements', 'nrm_cases', 'case_workers', 'case_consents', 'case_screenings', 'screening_observations', 'identification_decisions', 'case_referrals', 'case_services', 'case_events']) {
    // As autovacuum would soon after a load: statistics, and the visibility map that lets the
    // worklists read only their indexes (migration 0014).
    await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
  }
}

/** A new database with the schema, the demo organizations and users, and the cases. */
export async function prepareBenchDatabase(target: DatabaseTarget, input: { dataKey: string; size: BenchSize; log: (message: string) => void }): Promise<void> {
  // The key the benchmark's server (startServerProcess) chains with too.
  useAuditKey(testAuditKey());
  const database = await openDatabase(target);
  const timed = async (label: string, run: () => Promise<unknown>) => {
    const started = Date.now();
    await run();
    input.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const vaultKeys = deriveVaultKeys(parseDataKey(input.dataKey));
  try {
    await timed('migrations, reference and demo data', () =>
      prepareDatabase(database, pino({ level: 'silent' }), {
        demo: 'yes',
        demoCases: 0,
        adminEmail: 'admin@bench.senim.local',
        adminPassword: 'bench administrator passphrase',
        vaultKeys,
      }),
    );
    await timed(`${input.size.cases} cases and ${input.size.cases * input.size.eventsPerCase} events`, () => fillCases(database.db, vaultKeys, input.size, input.log));
  } finally {
    await database.close();
  }
}

