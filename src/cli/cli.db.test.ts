import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database.js';
import { ACTION_PLAN_2009_FILE } from '../server/modules/action-plan/fixtures/action-plan-2009-2011.js';
import { buildApp } from '../server/http/app.js';
import { useAuditKey } from '../server/platform/audit-chain.js';
import { AUDIT_KEY_FILE_NAME, loadAuditKey } from '../server/platform/audit-key.js';
import { deriveVaultKeys, generateDataKeyHex, parseDataKey } from '../server/platform/vault/data-key.js';
import { testDatabaseKind } from '../server/testing/test-database.js';
import { REPO_ROOT } from '../server/testing/server-process.js';
import { createTestUser, signIn } from '../server/testing/test-users.js';

// The CLI as an operator runs it, on an embedded database in a folder of its own.

let dataDir: string;
const dataKey = generateDataKeyHex();

function senim(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SENIM_DATA_DIR: dataDir, SENIM_DATA_KEY: dataKey, SENIM_ADMIN_PASSWORD: 'operator chosen passphrase', LOG_LEVEL: 'silent', DATABASE_URL: '', SENIM_DEMO_CASES: '30' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'senim-cli-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Every test starts the CLI as its own process, several times: slow on a loaded machine.
// These start the CLI on an embedded database of its own (DATABASE_URL is
// emptied), whichever database the suite runs on: the PostgreSQL pass of CI
// would only repeat the embedded run, at a minute or more a file.
const onPostgresPass = testDatabaseKind() === 'postgresql';

describe.skipIf(onPostgresPass)('npx senim', { timeout: 300_000 }, () => {
  it('explains its commands', () => {
    const help = senim('--help');
    expect(help.status).toBe(0);
    for (const command of ['serve', 'migrate', 'seed-demo', 'audit']) {
      expect(help.stdout).toContain(command);
    }
    expect(senim('audit', '--help').stdout).toMatch(/verify[\s\S]*anchor/);
  });

  it('migrates an empty folder once, then finds it up to date', () => {
    const first = senim('migrate');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/applied 0001_reference_data/);
    const second = senim('migrate');
    expect(second.stdout).toMatch(/up to date/);
  });

  it('loads demo data and creates the first administrator, printing a chosen password nowhere', () => {
    const seeded = senim('seed-demo');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Demo data loaded/);
    expect(seeded.stderr).toContain('admin@senim.local');
    expect(seeded.stderr + seeded.stdout).not.toContain('operator chosen passphrase');
  });

  it('keeps no identity of a person readable in the database files', async () => {
    // seed-demo generated the audit key file; this process chains with it too, as the server would.
    expect(statSync(join(dataDir, AUDIT_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    useAuditKey(loadAuditKey({ env: {}, dataDir, embedded: true, warn: () => undefined }));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const app = await buildApp({ database, logger: false, vaultKeys: deriveVaultKeys(parseDataKey(dataKey)) });
    await app.ready();
    const vaultKeys = deriveVaultKeys(parseDataKey(dataKey));
    const worker = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'], vaultKeys }));
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: worker.headers(),
      payload: {
        identity: {
          names: [{ given: 'Bibigul', family: 'Zhaksylykova' }, { given: 'Бибигуль', family: 'Жаксылыкова', kind: 'spelling' }],
          documents: [{ type: 'passport', number: 'N07070707' }],
          contacts: [{ kind: 'phone', value: '+77019998877' }],
          addresses: [{ kind: 'current', text: 'Karaganda, Bukhar-Zhyrau 77' }],
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await sql`checkpoint`.execute(database.db);
    await app.close();
    await database.close();

    const files = filesUnder(dataDir).map((path) => readFileSync(path));
    const containing = (text: string) => files.some((content) => content.includes(Buffer.from(text, 'utf8')));
    // The scan does read table data: clear reference data is found.
    expect(containing('Ulytau')).toBe(true);
    // A victim's identity, and the names of the staff loaded by seed-demo.
    for (const secret of ['Bibigul', 'Zhaksylykova', 'Бибигуль', 'Жаксылыкова', 'N07070707', '77019998877', 'Bukhar-Zhyrau', 'Садыкова', 'Касымова']) {
      expect(containing(secret), secret).toBe(false);
    }
  });

  it('audit anchor signs the head; verify --anchor proves that nothing up to it was cut away or altered', async () => {
    const anchorFile = join(dataDir, '..', `${dataDir.split('/').pop() ?? 'senim'}-anchor.json`);
    const anchored = senim('audit', 'anchor', '--out', anchorFile);
    expect(anchored.status, anchored.stderr).toBe(0);
    expect(anchored.stdout).toMatch(/Anchored event \d+ \(\d+ events verified\)/);
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as { sequence: number; hash: string; publicKey: string; signature: string };
    expect(anchor).toMatchObject({ format: 'senim-audit-anchor/1', sequence: expect.any(Number), publicKey: expect.any(String), signature: expect.any(String) });
    expect(senim('audit', 'anchor', '--out', anchorFile).status).toBe(1);
    const holds = senim('audit', 'verify', '--anchor', anchorFile);
    expect(holds.status, holds.stderr).toBe(0);
    expect(holds.stdout).toContain(`Anchor holds: nothing up to event ${anchor.sequence} was rewritten.`);

    // A file edited after signing proves nothing.
    const forged = join(dataDir, '..', `${dataDir.split('/').pop() ?? 'senim'}-forged.json`);
    writeFileSync(forged, JSON.stringify({ ...anchor, sequence: anchor.sequence - 1 }));
    const refused = senim('audit', 'verify', '--anchor', forged);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/ANCHOR FAILS at event \d+: the anchor signature does not match its content/);

    // Cut the newest events away and move the head back: the chain alone looks whole, the anchor does not.
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`alter table audit_events disable trigger audit_events_no_update_or_delete`.execute(trx);
        await sql`delete from audit_events where id >= ${anchor.sequence}`.execute(trx);
        const last = await trx.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
        await trx.updateTable('audit_chain_head').set({ last_event_id: last.id, last_hash: last.hash }).execute();
        await sql`alter table audit_events enable trigger audit_events_no_update_or_delete`.execute(trx);
      })
      .finally(() => database.close());
    expect(senim('audit', 'verify').status).toBe(0);
    const truncated = senim('audit', 'verify', '--anchor', anchorFile);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(new RegExp(`ANCHOR FAILS at event ${anchor.sequence}: the trail ends at event \\d+, before event ${anchor.sequence} that the anchor names: events were deleted`));
    rmSync(anchorFile);
    rmSync(forged);
  });

  it('audit verify passes on an intact trail and names every broken range', async () => {
    const intact = senim('audit', 'verify');
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/Audit trail intact: \d+ events verified/);

    // Two events far apart, the first and the newest, rewritten by hand.
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const [first, target] = await database.db.transaction().execute(async (trx) => {
      const oldest = await trx.selectFrom('audit_events').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
      const newest = await trx.selectFrom('audit_events').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      await sql`alter table audit_events disable trigger audit_events_no_update_or_delete`.execute(trx);
      await sql`update audit_events set purpose = 'rewritten by hand' where id in (${oldest.id}, ${newest.id})`.execute(trx);
      await sql`alter table audit_events enable trigger audit_events_no_update_or_delete`.execute(trx);
      return [oldest, newest] as const;
    }).finally(() => database.close());

    const broken = senim('audit', 'verify');
    expect(broken.status).toBe(1);
    // It goes on after the first break: both edits are named, each with what is wrong.
    expect(broken.stderr).toContain(`BROKEN event ${first.id} (1 event does not verify): event ${first.id} was changed after it was written`);
    expect(broken.stderr).toContain(`BROKEN event ${target.id} (1 event does not verify): event ${target.id} was changed after it was written`);
    expect(broken.stderr).toContain('Audit trail BROKEN: 2 broken range(s)');
  });

  it('previews the 2009-2011 Action Plan: 25 measures, its reporting calendar, and what a person must resolve', () => {
    const planFile = ACTION_PLAN_2009_FILE;
    const text = senim('plan', 'preview', planFile);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/2009-2011; 25 measures/);
    expect(text.stdout).toMatch(/to resolve before the import is confirmed/);
    const csv = senim('plan', 'preview', planFile, '--format', 'csv');
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('measure,body,lead,by_agreement,period,period_start,period_end,due_date');
    const measureFive = lines.filter((line) => line.startsWith('5,MCI,true'));
    expect(measureFive).toHaveLength(12);
    expect(measureFive[0]).toBe('5,MCI,true,false,2009-Q1,2009-01-01,2009-03-31,2009-04-20');
    expect(measureFive.at(-1)).toBe('5,MCI,true,false,2011-Q4,2011-10-01,2011-12-31,2012-01-20');
    expect(text.stdout).toMatch(/- P1 {2}line \d+/);

    const refused = senim('plan', 'import', planFile, '--coordinator', 'MJ');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/problems must be resolved before the plan is imported/);
    const problemIds = [...refused.stderr.matchAll(/^ {2}(P\d+) /gm)].map((match) => match[1] ?? '');
    expect(problemIds.length).toBeGreaterThan(0);
    const imported = senim(
      'plan', 'import', planFile, '--coordinator', 'MJ',
      '--map', 'ALE Association of Crisis Centers of Kazakhstan=NGO-UCC', '--map', 'RA ZhARiA=NGO-UCC',
      ...problemIds.flatMap((id) => ['--acknowledge', id]),
    );
    expect(imported.status, imported.stderr).toBe(0);
    const planId = /Imported plan ([0-9a-f-]{36}) with 25 measures/.exec(imported.stdout)?.[1] ?? '';
    expect(senim('plan', 'list').stdout).toContain(planId);
    const calendar = senim('plan', 'calendar', planId, '--organization', 'MCI');
    expect(calendar.stdout.split('\r\n')).toContain('5,MCI,true,false,2011-Q4,2011-10-01,2011-12-31,2012-01-20');

    // An akimat's plan carries out the national one; reminders are printed for a day.
    const resolutions = ['--map', 'ALE Association of Crisis Centers of Kazakhstan=NGO-UCC', '--map', 'RA ZhARiA=NGO-UCC', ...problemIds.flatMap((id) => ['--acknowledge', id])];
    const orphan = senim('plan', 'import', planFile, '--coordinator', 'AKIMAT-KZ-AKM', '--level', 'regional', ...resolutions);
    expect(orphan.status).toBe(2);
    expect(orphan.stderr).toMatch(/body\.parentPlanId {2}a regional plan names the national plan it carries out/);
    const regional = senim('plan', 'import', planFile, '--coordinator', 'AKIMAT-KZ-AKM', '--level', 'regional', '--parent', planId, ...resolutions);
    expect(regional.status, regional.stderr).toBe(0);
    expect(senim('plan', 'list').stdout).toContain(`regional under ${planId}`);
    const reminders = senim('plan', 'remind', '--date', '2009-07-15');
    expect(reminders.status, reminders.stderr).toBe(0);
    expect(reminders.stdout).toMatch(/reminders on 2009-07-15 \(due within 10 days, or overdue\)/);
    expect(reminders.stdout).toContain('- MCI: measure 5, 2009-Q2, due 2009-07-20: due in 5 days (missing)');
    expect(senim('plan', 'remind', '--date', '15.07.2009').stderr).toMatch(/must be written YYYY-MM-DD/);

    const missing = senim('plan', 'preview', '/no/such/plan.txt');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read \/no\/such\/plan.txt: ENOENT/);
  }, 300_000);

  it('refuses a second process on the same embedded database', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const second = senim('migrate');
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/in use by process \d+/);
    } finally {
      await database.close();
    }
  });
});
