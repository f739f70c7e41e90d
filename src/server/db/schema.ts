import type { ColumnType, Generated } from 'kysely';

// Row types of every table, kept by hand beside migrations/. A column that the
// database fills (serial, default now()) is Generated so inserts may omit it.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SenimMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface RegionsTable {
  id: Generated<number>;
  code: string;
  kind: 'region' | 'city';
  time_zone: string;
  valid_from: string;
  valid_to: string | null;
}

export interface RegionNamesTable {
  region_id: number;
  valid_from: string;
  valid_to: string | null;
  name_ru: string;
  name_kk: string;
  name_en: string;
}

export interface RegionSuccessionsTable {
  predecessor_id: number;
  successor_id: number;
}

export type OrganizationKindColumn =
  | 'state_body'
  | 'akimat'
  | 'ngo'
  | 'shelter'
  | 'crisis_centre'
  | 'international_organization'
  | 'hotline';

export interface OrganizationsTable {
  id: Generated<string>;
  code: string;
  kind: OrganizationKindColumn;
  abbreviation_ru: string;
  abbreviation_kk: string;
  abbreviation_en: string;
  name_ru: string;
  name_kk: string;
  name_en: string;
  by_agreement: Generated<boolean>;
  parent_id: string | null;
  public_phone: string | null;
  capacity: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface OrganizationRegionsTable {
  organization_id: string;
  region_id: number;
}

export interface OrganizationConfidentialAddressesTable {
  organization_id: string;
  address: string;
  updated_at: Generated<Timestamp>;
}

export interface CriminalCodeArticlesTable {
  id: Generated<number>;
  edition: '1997' | '2014';
  article: string;
  title_ru: string;
  title_kk: string;
  title_en: string;
  category: 'thb' | 'exploitation' | 'related';
  max_prison_years: number | null;
}

export interface CriminalCodeArticleMappingsTable {
  article_1997_id: number;
  article_2014_id: number;
}

export interface Database {
  senim_migrations: SenimMigrationsTable;
  regions: RegionsTable;
  region_names: RegionNamesTable;
  region_successions: RegionSuccessionsTable;
  organizations: OrganizationsTable;
  organization_regions: OrganizationRegionsTable;
  organization_confidential_addresses: OrganizationConfidentialAddressesTable;
  criminal_code_articles: CriminalCodeArticlesTable;
  criminal_code_article_mappings: CriminalCodeArticleMappingsTable;
}
