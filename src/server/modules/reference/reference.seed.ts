import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { kazakhstanCriminalCodeArticles, kazakhstanCriminalCodeMappings } from './kazakhstan/criminal-code.js';
import { demoServiceOrganizations, kazakhstanAkimats, kazakhstanStateBodies } from './kazakhstan/organizations.js';
import { kazakhstanRegions } from './kazakhstan/regions.js';
import type { OrganizationSeed } from './kazakhstan/seed-types.js';
import { defaultServiceTypes, lawEnforcementCodes, mayIdentifyByDefault } from './referral-roles.js';

// Loading is idempotent (insert ... on conflict do nothing): it runs at every
// start, adds what a newer country pack brings, and never overwrites what
// administrators have changed since.

export async function loadCountryReferenceData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await loadRegions(trx);
    await loadOrganizations(trx, [...kazakhstanStateBodies, ...kazakhstanAkimats]);
    await loadCriminalCode(trx);
  });
}

/** Demo organizations: real names from the seeds, fictitious addresses. Only for demo databases. */
export async function loadDemoOrganizations(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => loadOrganizations(trx, demoServiceOrganizations));
}

async function loadRegions(trx: Transaction<Database>): Promise<void> {
  for (const region of kazakhstanRegions) {
    await trx
      .insertInto('regions')
      .values({
        code: region.code,
        kind: region.kind,
        time_zone: region.timeZone,
        valid_from: region.validFrom,
        valid_to: region.validTo,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  const ids = await regionIdsByCode(trx);
  for (const region of kazakhstanRegions) {
    const regionId = ids.get(region.code);
    if (regionId === undefined) {
      throw new Error(`Region ${region.code} was not stored`);
    }
    for (const name of region.names) {
      await trx
        .insertInto('region_names')
        .values({
          region_id: regionId,
          valid_from: name.validFrom,
          valid_to: name.validTo,
          name_ru: name.name.ru,
          name_kk: name.name.kk,
          name_en: name.name.en,
        })
        .onConflict((oc) => oc.columns(['region_id', 'valid_from']).doNothing())
        .execute();
    }
    for (const successorCode of region.succeededBy) {
      const successorId = ids.get(successorCode);
      if (successorId === undefined) {
        throw new Error(`Region ${region.code} names unknown successor ${successorCode}`);
      }
      await trx
        .insertInto('region_successions')
        .values({ predecessor_id: regionId, successor_id: successorId })
        .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doNothing())
        .execute();
    }
  }
}

async function regionIdsByCode(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('regions').select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function loadOrganizations(trx: Transaction<Database>, organizations: OrganizationSeed[]): Promise<void> {
  // Parents first, so that parent_id can be resolved in one pass.
  const ordered = [...organizations].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
  const regionIds = await regionIdsByCode(trx);
  for (const organization of ordered) {
    const parent = organization.parentCode
      ? await trx.selectFrom('organizations').select('id').where('code', '=', organization.parentCode).executeTakeFirst()
      : undefined;
    if (organization.parentCode && !parent) {
      throw new Error(`Organization ${organization.code} names unknown parent ${organization.parentCode}`);
    }
    const inserted = await trx
      .insertInto('organizations')
      .values({
        code: organization.code,
        kind: organization.kind,
        abbreviation_ru: organization.abbreviation.ru,
        abbreviation_kk: organization.abbreviation.kk,
        abbreviation_en: organization.abbreviation.en,
        name_ru: organization.name.ru,
        name_kk: organization.name.kk,
        name_en: organization.name.en,
        by_agreement: organization.byAgreement,
        parent_id: parent?.id ?? null,
        public_phone: organization.publicPhone,
        capacity: organization.capacity,
        may_identify: mayIdentifyByDefault(organization),
        law_enforcement: lawEnforcementCodes.has(organization.code),
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      continue;
    }
    const services = defaultServiceTypes(organization);
    if (services.length > 0) {
      await trx
        .insertInto('organization_services')
        .values(services.map((serviceType) => ({ organization_id: inserted.id, service_type: serviceType })))
        .execute();
    }
    for (const regionCode of organization.regionCodes) {
      const regionId = regionIds.get(regionCode);
      if (regionId === undefined) {
        throw new Error(`Organization ${organization.code} names unknown region ${regionCode}`);
      }
      await trx.insertInto('organization_regions').values({ organization_id: inserted.id, region_id: regionId }).execute();
    }
    if (organization.confidentialAddress) {
      await trx
        .insertInto('organization_confidential_addresses')
        .values({ organization_id: inserted.id, address: organization.confidentialAddress })
        .execute();
    }
  }
}

async function loadCriminalCode(trx: Transaction<Database>): Promise<void> {
  for (const article of kazakhstanCriminalCodeArticles) {
    await trx
      .insertInto('criminal_code_articles')
      .values({
        edition: article.edition,
        article: article.article,
        title_ru: article.title.ru,
        title_kk: article.title.kk,
        title_en: article.title.en,
        category: article.category,
        max_prison_years: article.maxPrisonYears,
      })
      .onConflict((oc) => oc.columns(['edition', 'article']).doNothing())
      .execute();
  }
  const rows = await trx.selectFrom('criminal_code_articles').select(['id', 'edition', 'article']).execute();
  const idOf = (edition: string, article: string): number => {
    const row = rows.find((candidate) => candidate.edition === edition && candidate.article === article);
    if (!row) {
      throw new Error(`Criminal Code mapping names unknown article ${article} of the ${edition} Code`);
    }
    return row.id;
  };
  for (const mapping of kazakhstanCriminalCodeMappings) {
    await trx
      .insertInto('criminal_code_article_mappings')
      .values({ article_1997_id: idOf('1997', mapping.article1997), article_2014_id: idOf('2014', mapping.article2014) })
      .onConflict((oc) => oc.columns(['article_1997_id', 'article_2014_id']).doNothing())
      .execute();
  }
}
