import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { type TestDatabase } from '../../testing/test-database.js';

let testDatabase: TestDatabase;
let app: SenimApp;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('regions as data with validity dates', () => {
  it('lists 17 regions and 3 cities of republican significance today', async () => {
    const page = await get('/api/v1/reference/regions?limit=200&on=2026-01-01');
    const kinds = page.items.map((region: { kind: string }) => region.kind);
    expect(kinds.filter((kind: string) => kind === 'region')).toHaveLength(17);
    expect(kinds.filter((kind: string) => kind === 'city')).toHaveLength(3);
    expect(page.page.total).toBe(20);
  });

  it('names the capital as it was named on the day asked', async () => {
    expect((await get('/api/v1/reference/regions/KZ-AST?on=2020-06-01')).name.en).toBe('Nur-Sultan');
    const today = await get('/api/v1/reference/regions/KZ-AST');
    expect(today.name.en).toBe('Astana');
    expect(today.names.map((entry: { name: { en: string } }) => entry.name.en).slice(-3)).toEqual(['Astana', 'Nur-Sultan', 'Astana']);
  });

  it('keeps South Kazakhstan in history, succeeded by Turkestan region and Shymkent', async () => {
    const in2010 = await get('/api/v1/reference/regions?limit=200&on=2010-01-01');
    const codes2010 = in2010.items.map((region: { code: string }) => region.code);
    expect(codes2010).toContain('KZ-YUZ');
    expect(codes2010).not.toContain('KZ-TUR');
    const southKazakhstan = await get('/api/v1/reference/regions/KZ-YUZ');
    expect(southKazakhstan.validTo).toBe('2018-06-19');
    expect(southKazakhstan.succeededBy).toEqual(expect.arrayContaining(['KZ-TUR', 'KZ-SHY']));
    const history = await get('/api/v1/reference/regions?limit=200&history=true');
    expect(history.items.length).toBeGreaterThan(20);
  });

  it('pages through a list and still reports the total past its end', async () => {
    const first = await get('/api/v1/reference/regions?limit=5&offset=0&on=2026-01-01');
    const second = await get('/api/v1/reference/regions?limit=5&offset=5&on=2026-01-01');
    expect(first.items).toHaveLength(5);
    expect(second.items[0].code).not.toBe(first.items[0].code);
    const beyond = await get('/api/v1/reference/regions?limit=5&offset=500&on=2026-01-01');
    expect(beyond.items).toHaveLength(0);
    expect(beyond.page.total).toBe(20);
  });
});

describe('state bodies and Criminal Code articles', () => {
  it('lists state bodies with those reporting by agreement marked', async () => {
    const page = await get('/api/v1/reference/state-bodies?limit=200');
    const codes = page.items.map((body: { code: string }) => body.code);
    expect(codes).toEqual(expect.arrayContaining(['MIA', 'PGO', 'MFA']));
    expect(page.items.some((body: { byAgreement: boolean }) => body.byAgreement)).toBe(true);
    expect(page.items.every((body: Record<string, unknown>) => !('address' in body))).toBe(true);
  });

  it('maps trafficking under article 128 and brothels under 271 of the 1997 Code to the 2014 Code', async () => {
    const page = await get('/api/v1/reference/criminal-code/articles?edition=1997&limit=200');
    const byArticle = new Map(page.items.map((article: { article: string }) => [article.article, article]));
    expect(byArticle.get('128')).toMatchObject({ category: 'thb', correspondingArticles: ['128'] });
    expect(byArticle.get('271')).toMatchObject({ category: 'exploitation', correspondingArticles: ['309'] });
    const editions2014 = await get('/api/v1/reference/criminal-code/articles?edition=2014&limit=200');
    expect(editions2014.items.find((article: { article: string }) => article.article === '309').correspondingArticles).toContain('271');
  });
});

describe('where a shelter is stays confidential', () => {
  it('no public response carries a shelter address', async () => {
    const addresses = await testDatabase.database.db.selectFrom('organization_confidential_addresses').select('address').execute();
    expect(addresses.length).toBeGreaterThan(0);
    const publicBodies = await Promise.all(
      ['/api/v1/reference/regions?limit=200&history=true', '/api/v1/reference/state-bodies?limit=200', '/api/v1/reference/criminal-code/articles?limit=200', '/api/openapi.json'].map(
        async (url) => (await app.inject({ method: 'GET', url })).body,
      ),
    );
    for (const body of publicBodies) {
      for (const { address } of addresses) {
        expect(body).not.toContain(address);
      }
    }
  });
});

describe('loading reference data', () => {
  it('is idempotent: a second load adds nothing', async () => {
    const { loadCountryReferenceData } = await import('./reference.seed.js');
    const count = async () =>
      Number((await testDatabase.database.db.selectFrom('region_names').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await loadCountryReferenceData(testDatabase.database.db);
    expect(await count()).toBe(before);
  });
});
