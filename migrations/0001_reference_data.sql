-- Reference data kept as tables, not enums: regions are renamed and split,
-- bodies are reorganized, and Criminal Code articles change with the Code.

create table regions (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z0-9-]{2,20}$'),
  kind text not null check (kind in ('region', 'city')),
  time_zone text not null,
  valid_from date not null,
  valid_to date,
  check (valid_to is null or valid_to > valid_from)
);

-- A rename keeps the region (Astana, Nur-Sultan, Astana again); only the name has a history.
create table region_names (
  region_id integer not null references regions (id) on delete cascade,
  valid_from date not null,
  valid_to date,
  name_ru text not null,
  name_kk text not null,
  name_en text not null,
  primary key (region_id, valid_from),
  check (valid_to is null or valid_to > valid_from)
);

-- A split or merger ends a region and names the regions that took over its territory.
create table region_successions (
  predecessor_id integer not null references regions (id) on delete cascade,
  successor_id integer not null references regions (id) on delete cascade,
  primary key (predecessor_id, successor_id)
);

create table organizations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  kind text not null check (kind in (
    'state_body', 'akimat', 'ngo', 'shelter', 'crisis_centre', 'international_organization', 'hotline', 'operator'
  )),
  abbreviation_ru text not null,
  abbreviation_kk text not null,
  abbreviation_en text not null,
  name_ru text not null,
  name_kk text not null,
  name_en text not null,
  by_agreement boolean not null default false,
  parent_id uuid references organizations (id),
  public_phone text,
  capacity integer check (capacity is null or capacity >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index organizations_kind_idx on organizations (kind);

create table organization_regions (
  organization_id uuid not null references organizations (id) on delete cascade,
  region_id integer not null references regions (id),
  primary key (organization_id, region_id)
);

create index organization_regions_region_idx on organization_regions (region_id);

-- Where a shelter is can cost a life: its address lives apart from the
-- organization so that no list or public query can select it by accident.
create table organization_confidential_addresses (
  organization_id uuid primary key references organizations (id) on delete cascade,
  address text not null,
  updated_at timestamptz not null default now()
);

create table criminal_code_articles (
  id serial primary key,
  edition text not null check (edition in ('1997', '2014')),
  article text not null,
  title_ru text not null,
  title_kk text not null,
  title_en text not null,
  category text not null check (category in ('thb', 'exploitation', 'related')),
  max_prison_years integer check (max_prison_years is null or max_prison_years > 0),
  unique (edition, article)
);

create table criminal_code_article_mappings (
  article_1997_id integer not null references criminal_code_articles (id) on delete cascade,
  article_2014_id integer not null references criminal_code_articles (id) on delete cascade,
  primary key (article_1997_id, article_2014_id)
);
