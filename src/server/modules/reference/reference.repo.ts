import { sql, type Kysely } from 'kysely';
import type { Database, OrganizationKindColumn } from '../../db/schema.js';

export interface Page<Row> {
  rows: Row[];
  total: number;
}

export interface RegionRow {
  id: number;
  code: string;
  kind: 'region' | 'city';
  time_zone: string;
  valid_from: string;
  valid_to: string | null;
}

export async function selectRegions(
  db: Kysely<Database>,
  filter: { on: string | null; kind: 'region' | 'city' | null; limit: number; offset: number },
): Promise<Page<RegionRow>> {
  let query = db.selectFrom('regions');
  if (filter.on) {
    const on = filter.on;
    query = query.where('valid_from', '<=', on).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]));
  }
  if (filter.kind) {
    query = query.where('kind', '=', filter.kind);
  }
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'code', 'kind', 'time_zone', 'valid_from', 'valid_to'])
      .orderBy('kind', 'desc')
      .orderBy('code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export async function selectRegionByCode(db: Kysely<Database>, code: string): Promise<RegionRow | undefined> {
  return db
    .selectFrom('regions')
    .select(['id', 'code', 'kind', 'time_zone', 'valid_from', 'valid_to'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function selectRegionNames(db: Kysely<Database>, regionIds: number[]) {
  if (regionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('region_names')
    .selectAll()
    .where('region_id', 'in', regionIds)
    .orderBy('region_id')
    .orderBy('valid_from')
    .execute();
}

export async function selectRegionSuccessors(db: Kysely<Database>, regionIds: number[]) {
  if (regionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('region_successions as s')
    .innerJoin('regions as r', 'r.id', 's.successor_id')
    .select(['s.predecessor_id', 'r.code as successor_code'])
    .where('s.predecessor_id', 'in', regionIds)
    .orderBy('r.code')
    .execute();
}

/**
 * Organizations with the regions they serve. Deliberately never joins
 * organization_confidential_addresses: no list may carry where a shelter is.
 */
export async function selectOrganizations(
  db: Kysely<Database>,
  filter: { kinds: OrganizationKindColumn[] | null; regionCode: string | null; limit: number; offset: number; id?: string },
) {
  let query = db.selectFrom('organizations as o');
  if (filter.id) {
    query = query.where('o.id', '=', filter.id);
  }
  if (filter.kinds) {
    query = query.where('o.kind', 'in', filter.kinds);
  }
  if (filter.regionCode) {
    const regionCode = filter.regionCode;
    // An organization with no listed region works nationwide, so it serves every region too.
    query = query.where((eb) =>
      eb.or([
        eb.not(
          eb.exists(eb.selectFrom('organization_regions as any_r').select('any_r.region_id').whereRef('any_r.organization_id', '=', 'o.id')),
        ),
        eb.exists(
          eb
            .selectFrom('organization_regions as orr')
            .innerJoin('regions as r', 'r.id', 'orr.region_id')
            .select('orr.region_id')
            .whereRef('orr.organization_id', '=', 'o.id')
            .where('r.code', '=', regionCode),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
      .select([
        'o.id',
        'o.code',
        'o.kind',
        'o.abbreviation_ru',
        'o.abbreviation_kk',
        'o.abbreviation_en',
        'o.name_ru',
        'o.name_kk',
        'o.name_en',
        'o.by_agreement',
        'o.public_phone',
        'o.capacity',
        'o.law_enforcement',
        'parent.code as parent_code',
        sql<string[]>`coalesce((select array_agg(r.code order by r.code) from organization_regions orr join regions r on r.id = orr.region_id where orr.organization_id = o.id), '{}')`.as(
          'region_codes',
        ),
      ])
      .orderBy('o.kind')
      .orderBy('o.code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export async function selectCriminalCodeArticles(
  db: Kysely<Database>,
  filter: { edition: '1997' | '2014' | null; limit: number; offset: number },
) {
  let query = db.selectFrom('criminal_code_articles as a');
  if (filter.edition) {
    query = query.where('a.edition', '=', filter.edition);
  }
  const [rows, count] = await Promise.all([
    query
      .select([
        'a.id',
        'a.edition',
        'a.article',
        'a.title_ru',
        'a.title_kk',
        'a.title_en',
        'a.category',
        'a.max_prison_years',
        sql<string[]>`coalesce((
          select array_agg(other.article order by other.article)
          from criminal_code_article_mappings m
          join criminal_code_articles other
            on other.id = case when a.edition = '1997' then m.article_2014_id else m.article_1997_id end
          where (a.edition = '1997' and m.article_1997_id = a.id) or (a.edition = '2014' and m.article_2014_id = a.id)
        ), '{}')`.as('corresponding_articles'),
      ])
      .orderBy('a.edition')
      // By article number, not as text: 113 before 125(3)(b) before 132-1.
      .orderBy(sql`(substring(a.article from '^[0-9]+'))::integer`)
      .orderBy('a.article')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
