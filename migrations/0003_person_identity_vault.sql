-- The identity vault: who a person is (names, birth date, documents, contacts,
-- addresses) lives here, apart from case data, sealed with AES-256-GCM by the
-- application. Look-ups go through keyed hashes (HMAC) of normalized values,
-- so exact searches work without any clear value in the database.

create table persons (
  id uuid primary key,
  owner_organization_id uuid not null references organizations (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  identity_version integer not null default 1
);

-- Identity changes as trust grows; every version is kept.
create table person_identity_versions (
  person_id uuid not null references persons (id) on delete cascade,
  version integer not null check (version > 0),
  sealed_identity text not null,
  key_id text not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  reason text,
  primary key (person_id, version)
);

create table person_lookup_digests (
  person_id uuid not null references persons (id) on delete cascade,
  kind text not null check (kind in ('name', 'full_name', 'document', 'phone', 'birth_date')),
  digest text not null,
  primary key (person_id, kind, digest)
);

create index person_lookup_digests_digest_idx on person_lookup_digests (kind, digest);

-- Which organizations take part in a person's case, and on what basis. The
-- access policy reads it; later modules (referrals, consent) add rows.
create table person_involvements (
  person_id uuid not null references persons (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  basis text not null check (basis in ('recorded', 'referral', 'identification', 'service', 'police_consent', 'transfer')),
  granted_by uuid references users (id),
  granted_at timestamptz not null default now(),
  primary key (person_id, organization_id, basis)
);

create index person_involvements_organization_idx on person_involvements (organization_id, person_id);

-- Row-level security, the second wall behind the application's policy layer.
-- The application sets senim.organization_id (and senim.scope = 'all' only for
-- the system actor) in each transaction that touches these tables, and runs
-- them as the unprivileged role senim_app, which the policies bind.
create function senim_person_visible(candidate uuid) returns boolean
  language sql stable
as $$
  select coalesce(current_setting('senim.scope', true), '') = 'all'
    or exists (
      select 1 from person_involvements i
      where i.person_id = candidate
        and i.organization_id::text = coalesce(current_setting('senim.organization_id', true), '')
    )
$$;

alter table persons enable row level security;
alter table persons force row level security;
create policy persons_read on persons for select using (senim_person_visible(id));
create policy persons_insert on persons for insert
  with check (owner_organization_id::text = coalesce(current_setting('senim.organization_id', true), '') or coalesce(current_setting('senim.scope', true), '') = 'all');
create policy persons_update on persons for update using (senim_person_visible(id));

alter table person_identity_versions enable row level security;
alter table person_identity_versions force row level security;
create policy person_identity_versions_read on person_identity_versions for select using (senim_person_visible(person_id));
create policy person_identity_versions_insert on person_identity_versions for insert with check (senim_person_visible(person_id));

alter table person_lookup_digests enable row level security;
alter table person_lookup_digests force row level security;
create policy person_lookup_digests_read on person_lookup_digests for select using (senim_person_visible(person_id));
create policy person_lookup_digests_insert on person_lookup_digests for insert with check (senim_person_visible(person_id));

-- Superusers bypass row-level security, and the embedded database always runs
-- as one; so the application switches to senim_app for these transactions.
-- Creating roles needs a privilege a plain database owner may lack: then the
-- forced policies above still bind the owner.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'senim_app') then
    create role senim_app nologin;
  end if;
exception
  when duplicate_object or unique_violation or insufficient_privilege then
    raise notice 'senim_app role not created here: %', sqlerrm;
end
$$;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'senim_app') then
    execute 'grant senim_app to ' || quote_ident(current_user);
    execute 'grant usage on schema public to senim_app';
    execute 'grant select, insert, update, delete on all tables in schema public to senim_app';
    execute 'grant usage, select on all sequences in schema public to senim_app';
    execute 'alter default privileges in schema public grant select, insert, update, delete on tables to senim_app';
    execute 'alter default privileges in schema public grant usage, select on sequences to senim_app';
  end if;
exception
  when insufficient_privilege or invalid_grant_operation then
    raise notice 'senim_app not granted here: %', sqlerrm;
end
$$;
