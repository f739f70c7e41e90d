import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { REPO_ROOT } from '../../testing/server-process.js';
import { recordSelfReferredIntake } from '../../testing/test-cases.js';
import { closeTestApp, createTestApp, type TestApp } from '../../testing/test-app.js';
import { asSenimItself, testDatabaseKind } from '../../testing/test-database.js';
import { createTestUser, signIn } from '../../testing/test-users.js';
import { COURT_QUALIFICATION_REASON, importProceedings, RESUMED_REASON } from './proceeding-import.js';

// The Committee for Legal Statistics sends its export; an operator loads it
// with `senim justice import`, and loads next quarter's export over it.

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const TODAY = '2016-06-30';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ demo: true });
});

afterAll(async () => {
  await closeTestApp(testApp);
});

const importFile = (name: string) =>
  importProceedings({ database: testApp.testDatabase.database, actor: systemActor('cli:justice-import'), text: fixture(name), source: name, today: TODAY });

async function proceedingOf(registerNumber: string) {
  const db = testApp.testDatabase.database.db;
  const proceeding = await db
    .selectFrom('criminal_proceedings as p')
    .innerJoin('regions as r', 'r.id', 'p.region_id')
    .innerJoin('organizations as o', 'o.id', 'p.investigating_organization_id')
    .select(['p.id', 'p.code_edition', 'p.stage', 'p.source', 'p.investigating_unit', 'r.code as region', 'o.code as investigating_body', sql<string>`p.stage_since::text`.as('stage_since'), sql<string>`p.last_movement_at::text`.as('last_movement_at')])
    .where('p.register_number', '=', registerNumber)
    .executeTakeFirstOrThrow();
  const stages = await db
    .selectFrom('proceeding_stage_changes')
    .select(['stage', sql<string>`occurred_on::text`.as('on'), 'reason'])
    .where('proceeding_id', '=', proceeding.id)
    .orderBy('id')
    .execute();
  const qualifications = await db
    .selectFrom('proceeding_qualifications as q')
    .innerJoin('proceeding_qualification_articles as a', 'a.qualification_id', 'q.id')
    .innerJoin('criminal_code_articles as c', 'c.id', 'a.article_id')
    .select(['q.sequence', 'q.phase', 'q.reason', sql<string>`q.decided_on::text`.as('decided_on'), 'c.edition', 'c.article', 'a.part', 'a.paragraph'])
    .where('q.proceeding_id', '=', proceeding.id)
    .orderBy('q.sequence')
    .orderBy('c.article')
    .execute();
  return { ...proceeding, stages, qualifications };
}

async function countRows() {
  const db = testApp.testDatabase.database.db;
  const count = async (table: 'criminal_proceedings' | 'proceeding_stage_changes' | 'proceeding_qualifications' | 'proceeding_qualification_articles') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const audit = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'proceeding.imported').executeTakeFirstOrThrow();
  return {
    proceedings: await count('criminal_proceedings'),
    stages: await count('proceeding_stage_changes'),
    qualifications: await count('proceeding_qualifications'),
    articles: await count('proceeding_qualification_articles'),
    audit: Number(audit.n),
  };
}

describe('importing the legal statistics export', { timeout: 120_000 }, () => {
  it('creates the good rows and lists every rejected one with its line and reason', async () => {
    const report = await importFile('legal-statistics-export.csv');
    expect({ rows: report.rows, created: report.created, advanced: report.advanced, unchanged: report.unchanged }).toEqual({ rows: 15, created: 6, advanced: 0, unchanged: 0 });
    expect(report.ignoredColumns).toEqual(['investigator_note']);
    expect(report.rejected.map((rejection) => [rejection.line, rejection.problem])).toEqual([
      [8, 'unknown_article'],
      [9, 'unknown_body'],
      [10, 'not_law_enforcement'],
      [11, 'bad_date'],
      [12, 'stage_order_impossible'],
      [13, 'duplicate_in_file'],
      [14, 'unknown_region'],
      [15, 'stage_order_impossible'],
      [16, 'stage_order_impossible'],
    ]);
    const reasons = Object.fromEntries(report.rejected.map((rejection) => [rejection.line, rejection.reason]));
    expect(reasons[8]).toBe('articles: article 271 is not in the 2014 Criminal Code’s reference table');
    expect(reasons[9]).toMatch(/^registering_body MVD is not an organization code/);
    expect(reasons[10]).toBe('registering_body MLSP is not a law-enforcement body or the prosecutor’s office');
    expect(reasons[13]).toBe('register_number 131975000100001 is on line 2 already');
    expect(reasons[14]).toBe('region KZ-SHY did not exist on 2015-06-02');
    expect(report.rejected.find((rejection) => rejection.line === 9)?.registerNumber).toBe('151975000100008');
  });

  it('stores an imported proceeding under the code in force at registration, with every stage and its date', async () => {
    const old = await proceedingOf('131975000100001');
    expect(old).toMatchObject({ code_edition: '1997', stage: 'final', stage_since: '2013-10-01', source: 'imported', investigating_unit: 'criminal_police', region: 'KZ-ALA' });
    expect(old.stages.map((step) => `${step.stage}@${step.on}`)).toEqual(['registered@2013-03-14', 'pre_trial_investigation@2013-03-14', 'sent_to_court@2013-06-10', 'first_instance_verdict@2013-09-02', 'final@2013-10-01']);
    expect(old.qualifications).toEqual([{ sequence: 1, phase: 'registration', reason: null, decided_on: '2013-03-14', edition: '1997', article: '271', part: '1', paragraph: null }]);
    expect(old.last_movement_at.slice(0, 10)).toBe('2013-10-01');

    const border = await proceedingOf('151975000100004');
    expect(border).toMatchObject({ code_edition: '2014', stage: 'discontinued_non_rehabilitating', investigating_body: 'NSC-BS' });
    expect(border.qualifications.map((row) => [row.article, row.part, row.paragraph])).toEqual([
      ['125(3)(2)', null, null],
      ['128', '3', null],
    ]);

    const resumed = await proceedingOf('141975000100005');
    expect(resumed.stages.map((step) => [step.stage, step.reason])).toEqual([
      ['registered', null],
      ['pre_trial_investigation', null],
      ['suspended_perpetrator_unknown', null],
      ['pre_trial_investigation', RESUMED_REASON],
      ['sent_to_court', null],
    ]);

    const events = await testApp.testDatabase.database.db
      .selectFrom('audit_events')
      .select(['actor_label', 'record_type', 'details'])
      .where('action', '=', 'proceeding.imported')
      .where('record_id', '=', old.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_label: 'system:cli:justice-import', record_type: 'criminal_proceeding' });
    expect(events[0]?.details).toMatchObject({ registerNumber: '131975000100001', line: 2, outcome: 'created', source: 'legal-statistics-export.csv' });
  });

  it('changes nothing when the same export is loaded again', async () => {
    const before = await countRows();
    const report = await importFile('legal-statistics-export.csv');
    expect({ created: report.created, advanced: report.advanced, unchanged: report.unchanged, rejected: report.rejected.length }).toEqual({ created: 0, advanced: 0, unchanged: 6, rejected: 9 });
    expect(await countRows()).toEqual(before);
  });

  it('adds what a later export says a proceeding reached, and the court’s qualification, without overwriting anything', async () => {
    // A case worker's case was linked to the proceeding meanwhile: its timeline shows the stages the export adds.
    const caseWorker = await createTestUser(testApp.testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const nrmCase = await recordSelfReferredIntake(testApp.app, await signIn(testApp.app, caseWorker));
    const linked = await proceedingOf('151975000100003');
    await asSenimItself(testApp.testDatabase.database, (trx) => trx.insertInto('proceeding_cases').values({ proceeding_id: linked.id, case_id: nrmCase.id, procedural_status: 'victim' }).execute());

    const before = await countRows();
    const report = await importFile('legal-statistics-export-later.csv');
    expect({ created: report.created, advanced: report.advanced, unchanged: report.unchanged }).toEqual({ created: 0, advanced: 1, unchanged: 2 });
    expect(report.rejected).toEqual([
      { line: 4, registerNumber: '141975000100002', problem: 'conflicts_with_record', reason: 'differs from the proceeding recorded under this number in region; nothing recorded is overwritten' },
    ]);

    const advanced = await proceedingOf('151975000100003');
    expect(advanced).toMatchObject({ stage: 'first_instance_verdict', stage_since: '2016-01-20' });
    expect(advanced.stages.map((step) => `${step.stage}@${step.on}`)).toEqual(['registered@2015-02-01', 'pre_trial_investigation@2015-02-01', 'sent_to_court@2015-09-15', 'first_instance_verdict@2016-01-20']);
    expect(advanced.qualifications).toEqual([
      { sequence: 1, phase: 'registration', reason: null, decided_on: '2015-02-01', edition: '2014', article: '128', part: '3', paragraph: null },
      { sequence: 2, phase: 'court', reason: COURT_QUALIFICATION_REASON, decided_on: '2016-01-20', edition: '2014', article: '309', part: '3', paragraph: null },
    ]);
    expect(advanced.last_movement_at.slice(0, 10)).toBe('2016-01-20');
    expect(await countRows()).toEqual({ ...before, stages: before.stages + 2, qualifications: before.qualifications + 1, articles: before.articles + 1, audit: before.audit + 1 });
    // The conflicting row left the region as recorded.
    expect((await proceedingOf('141975000100002')).region).toBe('KZ-YUZ');

    const timeline = await asSenimItself(testApp.testDatabase.database, (trx) =>
      trx.selectFrom('case_events').select(['kind', 'details', 'actor_user_id']).where('case_id', '=', nrmCase.id).where('kind', 'like', 'proceeding.%').orderBy('id').execute(),
    );
    expect(timeline.map((event) => [event.kind, (event.details as { stage?: string }).stage ?? null, event.actor_user_id])).toEqual([
      ['proceeding.stage_changed', 'sent_to_court', null],
      ['proceeding.stage_changed', 'first_instance_verdict', null],
      ['proceeding.requalified', null, null],
    ]);
    expect(timeline[2]?.details).toMatchObject({ proceedingId: linked.id, decidedOn: '2016-01-20', phase: 'court', articles: [{ ru: '309 ч.3', kk: '309-бап 3-бөлік', en: '309(3)' }] });

    const again = await importFile('legal-statistics-export-later.csv');
    expect({ advanced: again.advanced, unchanged: again.unchanged }).toEqual({ advanced: 0, unchanged: 3 });
  });
});

// The command as an operator runs it, on an embedded database of its own (emptied DATABASE_URL).
function senim(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SENIM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '', SENIM_DEMO_CASES: '0', SENIM_ADMIN_PASSWORD: 'operator chosen passphrase' },
    encoding: 'utf8',
    timeout: 240_000,
  });
}

describe.skipIf(testDatabaseKind() === 'postgresql')('npx senim justice import', { timeout: 300_000 }, () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'senim-justice-import-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits non-zero, before touching any database, on a file it cannot read', () => {
    const result = senim(join(dataDir, 'never-created'), 'justice', 'import', 'no/such/export.csv');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Cannot read no\/such\/export\.csv: ENOENT/);
  });

  it('exits 0 on an export with rejected rows, and lists each with its line', () => {
    const prepared = senim(dataDir, 'seed-demo');
    expect(prepared.status, prepared.stderr).toBe(0);
    const file = fileURLToPath(new URL('./fixtures/legal-statistics-export.csv', import.meta.url));
    const result = senim(dataDir, 'justice', 'import', file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('15 rows: 6 created, 0 advanced, 0 unchanged, 9 rejected.');
    expect(result.stdout).toContain('Columns left aside: investigator_note.');
    expect(result.stdout).toMatch(/line 13 {2}131975000100001 {2}duplicate_in_file: register_number 131975000100001 is on line 2 already/);
    // A folder is not a file: nothing to read.
    const folder = senim(dataDir, 'justice', 'import', fileURLToPath(new URL('./fixtures/', import.meta.url)));
    expect(folder.status).not.toBe(0);
    expect(folder.stderr).toContain('EISDIR');
  });
});
