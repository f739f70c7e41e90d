import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { PaginationQuery } from '../../../shared/http.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type {
  criminalCodeArticlePageSchema,
  OrganizationKind,
  organizationPageSchema,
  organizationSchema,
  Region,
  regionPageSchema,
  stateBodyPageSchema,
} from '../../../shared/reference.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import {
  selectCriminalCodeArticles,
  selectOrganizations,
  selectRegionByCode,
  selectRegionNames,
  selectRegions,
  selectRegionSuccessors,
  type RegionRow,
} from './reference.repo.js';
import { kazakhstanStateBodyAliases } from './kazakhstan/organizations.js';
import { nameOn } from './region-name.js';

// Reference data is the same for everyone who may see it, so these reads take
// no actor: the routes decide who may call them (public, or any signed-in user).

async function toRegions(database: SenimDatabase, rows: RegionRow[], on: string): Promise<Region[]> {
  const ids = rows.map((row) => row.id);
  const [names, successors] = await Promise.all([selectRegionNames(database.db, ids), selectRegionSuccessors(database.db, ids)]);
  return rows.map((row) => {
    const datedNames = names
      .filter((name) => name.region_id === row.id)
      .map((name) => ({
        name: { ru: name.name_ru, kk: name.name_kk, en: name.name_en },
        validFrom: name.valid_from,
        validTo: name.valid_to,
      }));
    const name = nameOn(datedNames, on);
    if (!name) {
      throw new AppError('internal', `Region ${row.code} has no name`);
    }
    return {
      code: row.code,
      kind: row.kind,
      timeZone: row.time_zone,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      name,
      names: datedNames,
      succeededBy: successors.filter((s) => s.predecessor_id === row.id).map((s) => s.successor_code),
    };
  });
}

export async function listRegions(input: {
  database: SenimDatabase;
  query: PaginationQuery & { on?: string | undefined; history?: 'true' | 'false' | undefined; kind?: 'region' | 'city' | undefined };
}): Promise<z.infer<typeof regionPageSchema>> {
  const { database, query } = input;
  const on = query.on ?? todayInKazakhstan();
  const { rows, total } = await selectRegions(database.db, {
    on: query.history === 'true' ? null : on,
    kind: query.kind ?? null,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    items: await toRegions(database, rows, on),
    page: { limit: query.limit, offset: query.offset, total },
  };
}

export async function getRegion(input: { database: SenimDatabase; code: string; on?: string | undefined }): Promise<Region> {
  const row = await selectRegionByCode(input.database.db, input.code);
  if (!row) {
    throw new AppError('not_found', `There is no region with code ${input.code}`, {
      fields: [{ field: 'params.code', message: 'no such region' }],
    });
  }
  const [region] = await toRegions(input.database, [row], input.on ?? todayInKazakhstan());
  if (!region) {
    throw new AppError('internal', `Region ${input.code} could not be read`);
  }
  return region;
}

export async function listStateBodies(input: {
  database: SenimDatabase;
  query: PaginationQuery;
}): Promise<z.infer<typeof stateBodyPageSchema>> {
  const { rows, total } = await selectOrganizations(input.database.db, {
    kinds: ['state_body'],
    regionCode: null,
    limit: input.query.limit,
    offset: input.query.offset,
  });
  return {
    items: rows.map((row) => ({
      code: row.code,
      abbreviation: { ru: row.abbreviation_ru, kk: row.abbreviation_kk, en: row.abbreviation_en },
      name: { ru: row.name_ru, kk: row.name_kk, en: row.name_en },
      byAgreement: row.by_agreement,
      parentCode: row.parent_code,
    })),
    page: { limit: input.query.limit, offset: input.query.offset, total },
  };
}

type OrganizationRow = Awaited<ReturnType<typeof selectOrganizations>>['rows'][number];

function toOrganization(row: OrganizationRow) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    abbreviation: { ru: row.abbreviation_ru, kk: row.abbreviation_kk, en: row.abbreviation_en },
    name: { ru: row.name_ru, kk: row.name_kk, en: row.name_en },
    byAgreement: row.by_agreement,
    parentCode: row.parent_code,
    regionCodes: row.region_codes,
    publicPhone: row.public_phone,
    capacity: row.capacity,
    lawEnforcement: row.law_enforcement,
  };
}

export async function listOrganizations(input: {
  database: SenimDatabase;
  query: PaginationQuery & { kind?: OrganizationKind | undefined; region?: string | undefined };
}): Promise<z.infer<typeof organizationPageSchema>> {
  const { query } = input;
  const { rows, total } = await selectOrganizations(input.database.db, {
    kinds: query.kind ? [query.kind] : null,
    regionCode: query.region ?? null,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(toOrganization), page: { limit: query.limit, offset: query.offset, total } };
}

export async function getOrganization(input: { database: SenimDatabase; id: string }): Promise<z.infer<typeof organizationSchema>> {
  const { rows } = await selectOrganizations(input.database.db, { kinds: null, regionCode: null, limit: 1, offset: 0, id: input.id });
  const [row] = rows;
  if (!row) {
    throw new AppError('not_found', 'No such organization');
  }
  return toOrganization(row);
}

export async function listCriminalCodeArticles(input: {
  database: SenimDatabase;
  query: PaginationQuery & { edition?: '1997' | '2014' | undefined };
}): Promise<z.infer<typeof criminalCodeArticlePageSchema>> {
  const { query } = input;
  const { rows, total } = await selectCriminalCodeArticles(input.database.db, {
    edition: query.edition ?? null,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    items: rows.map((row) => ({
      edition: row.edition,
      article: row.article,
      title: { ru: row.title_ru, kk: row.title_kk, en: row.title_en },
      category: row.category,
      maxPrisonYears: row.max_prison_years,
      correspondingArticles: row.corresponding_articles,
    })),
    page: { limit: query.limit, offset: query.offset, total },
  };
}

/**
 * Every name a body goes by in plan documents: its code, abbreviations and
 * names in three languages, and the historical aliases of the country pack.
 */
export async function listBodyNamesForPlans(input: { database: SenimDatabase }): Promise<Array<{ code: string; aliases: string[] }>> {
  const { rows } = await selectOrganizations(input.database.db, { kinds: null, regionCode: null, limit: 10_000, offset: 0 });
  return rows.map((row) => ({
    code: row.code,
    aliases: [
      ...new Set([
        row.code,
        row.abbreviation_en,
        row.abbreviation_ru,
        row.abbreviation_kk,
        row.name_en,
        row.name_ru,
        row.name_kk,
        ...Object.entries(kazakhstanStateBodyAliases)
          .filter(([, code]) => code === row.code)
          .map(([alias]) => alias),
      ]),
    ],
  }));
}
