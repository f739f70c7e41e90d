import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJson } from '../../platform/vault/cipher.js';
import { asSenimItself, createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { testVaultKeys } from '../../testing/test-vault.js';
import { countProceedingsByArticleAcrossEditions } from './justice-counts.js';
import { loadDemoProceedings } from './demo-proceedings.js';
import { proceedingInReach } from './proceeding-reach.js';

// seed-demo loads the proceedings after the demo cases; a few cases are enough to link some.

let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ demo: true, demoCases: 16 });
}, 300_000);

afterAll(async () => {
  await testDatabase.drop();
});

describe('loading the demo proceedings', { timeout: 120_000 }, () => {
  it('writes the 2013-2015 proceedings as imported, mostly under 271/309, and the recent ones with their cases', async () => {
    const db = testDatabase.database.db;
    const sources = await db.selectFrom('criminal_proceedings').select(['source', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('source').orderBy('source').execute();
    expect(sources.map((row) => [row.source, Number(row.n)])).toEqual([
      ['entered', expect.any(Number)],
      ['imported', 101],
    ]);
    const series = await countProceedingsByArticleAcrossEditions(db, { from: '2013-01-01', to: '2015-12-31' });
    const largest = [...series].sort((a, b) => b.proceedings - a.proceedings)[0];
    expect(largest).toMatchObject({ edition: '2014', article: '309' });
    expect(largest && largest.under1997 > 0 && largest.under2014 > 0).toBe(true);
    const audited = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'proceeding.imported').where('actor_label', '=', 'system:seed-demo').executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(101);

    const links = await asSenimItself(testDatabase.database, (trx) =>
      trx
        .selectFrom('proceeding_cases as l')
        .innerJoin('criminal_proceedings as p', 'p.id', 'l.proceeding_id')
        .select(['l.case_id', 'p.id', sql<string>`p.registered_on::text`.as('registered_on')])
        .execute(),
    );
    expect(links.length).toBeGreaterThan(0);
    const linked = links[0];
    const timeline = await asSenimItself(testDatabase.database, (trx) =>
      trx
        .selectFrom('case_events')
        .select(['kind', sql<string>`(occurred_at at time zone 'Asia/Almaty')::date::text`.as('on'), 'details'])
        .where('case_id', '=', linked?.case_id ?? '')
        .where('kind', '=', 'proceeding.linked')
        .execute(),
    );
    expect(timeline.find((event) => (event.details as { proceedingId?: string }).proceedingId === linked?.id)?.on).toBe(linked?.registered_on);
  });

  it('gives the Almaty investigator stalled and suspended proceedings within his reach', async () => {
    const db = testDatabase.database.db;
    const [mia, almaty, investigator] = await Promise.all([
      db.selectFrom('organizations').select('id').where('code', '=', 'MIA').executeTakeFirstOrThrow(),
      db.selectFrom('regions').select('id').where('code', '=', 'KZ-ALA').executeTakeFirstOrThrow(),
      db.selectFrom('criminal_proceedings').select('investigator_user_id').where('investigator_user_id', 'is not', null).executeTakeFirstOrThrow(),
    ]);
    const reach = { kind: 'body' as const, organizationId: mia.id, regionIds: [almaty.id] };
    const mine = await db
      .selectFrom('criminal_proceedings')
      .select(['stage', sql<boolean>`last_movement_at < now() - interval '60 days'`.as('stalled')])
      .where(proceedingInReach(reach))
      .where('investigator_user_id', '=', investigator.investigator_user_id)
      .execute();
    expect(mine.filter((row) => row.stage === 'pre_trial_investigation' && row.stalled).length).toBeGreaterThanOrEqual(3);
    expect(mine.filter((row) => row.stage === 'suspended_perpetrator_unknown').length).toBeGreaterThanOrEqual(2);
  });

  it('seals the defendants’ identities it names, bound to each defendant', async () => {
    const sealed = await testDatabase.database.db.selectFrom('proceeding_defendants').select(['id', 'sealed_identity']).where('sealed_identity', 'is not', null).execute();
    expect(sealed.length).toBeGreaterThan(0);
    for (const row of sealed) {
      expect(row.sealed_identity).toMatch(/^v1\./);
      const identity = openJson<{ names: { given: string; family: string }[] }>(testVaultKeys(), row.sealed_identity ?? '', `defendant:${row.id}:identity`);
      expect(identity.names[0]?.family).toBeTruthy();
    }
  });

  it('loads nothing the second time', async () => {
    expect(await loadDemoProceedings(testDatabase.database, testVaultKeys())).toBe(0);
  });
});
