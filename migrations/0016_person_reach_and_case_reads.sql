-- Who may see a person, and who looked at a case.
--
-- 1. The identity vault's wall followed the organization only: a police body
--    that had recorded a person kept reading the identity after the person
--    withdrew consent to share with police, and every colleague of a named
--    worker read a child's identity, although neither saw the case. The vault
--    now applies the rule of the cases (platform/person-reach.ts): the
--    organization is involved with the person, a law-enforcement body only
--    through a 'police_consent' involvement; and a person with a child's case
--    (under 18 or of unknown age) only for a worker named on a case of that
--    person. withPersonScope() sets senim.user_id and senim.law_enforcement
--    beside senim.organization_id; when they are missing the rule fails
--    closed (no police involvement counts, no child is shown).
--
--    The subqueries read nrm_cases and case_workers under their own policies,
--    which show every case of a person to an organization involved with it
--    (0013, 0015), so they see what they must. Only reads change: inserts
--    keep senim_person_visible(), because a police intake records the person
--    before it hands the case over.

create function senim_person_readable(candidate uuid) returns boolean
  language sql stable
as $$
  select coalesce(current_setting('senim.scope', true), '') = 'all'
    or (
      exists (
        select 1 from person_involvements i
        where i.person_id = candidate
          and i.organization_id::text = coalesce(current_setting('senim.organization_id', true), '')
          and (coalesce(current_setting('senim.law_enforcement', true), '') = 'false' or i.basis = 'police_consent')
      )
      and (
        not exists (
          select 1 from nrm_cases c
          where c.person_id = candidate and (c.age_basis = 'unknown' or c.age_years is null or c.age_years < 18)
        )
        or exists (
          select 1 from case_workers w join nrm_cases c on c.id = w.case_id
          where c.person_id = candidate
            and w.user_id::text = coalesce(current_setting('senim.user_id', true), '')
        )
      )
    )
$$;

drop policy persons_read on persons;
create policy persons_read on persons for select using (senim_person_readable(id));

drop policy person_identity_versions_read on person_identity_versions;
create policy person_identity_versions_read on person_identity_versions for select using (senim_person_readable(person_id));

drop policy person_lookup_digests_read on person_lookup_digests;
create policy person_lookup_digests_read on person_lookup_digests for select using (senim_person_readable(person_id));

-- 2. Every opening of a case page, its timeline or its printed summary, written in the read's own
--    statement (no lock: the audit chain's head lock would queue every case
--    page behind every other). Insert-only; the audit search shows it
--    (GET /audit/case-reads), and seals (case_read_seals) put a digest of
--    each range of reads into the audit chain. No foreign key: the record of
--    who looked outlives anything looked at.
create table case_reads (
  id bigserial primary key,
  case_id uuid not null,
  case_code text not null,
  user_id uuid not null,
  organization_id uuid not null,
  view text not null check (view in ('case', 'timeline', 'summary')),
  read_at timestamptz not null default now(),
  request_id text
);

create index case_reads_case_idx on case_reads (case_id, id);
create index case_reads_code_idx on case_reads (case_code, id);
create index case_reads_user_idx on case_reads (user_id, id);

-- A user records their own reads and reads none: only a transaction that says
-- it reads the audit trail (senim.audit_read, set by the audit module), or
-- Senim itself, sees the rows.
alter table case_reads enable row level security;
alter table case_reads force row level security;
create policy case_reads_insert on case_reads for insert
  with check (user_id::text = coalesce(current_setting('senim.user_id', true), ''));
create policy case_reads_read on case_reads for select using (
  (select coalesce(current_setting('senim.scope', true), '') = 'all')
  or (select coalesce(current_setting('senim.audit_read', true), '') = 'on')
);

create function case_reads_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'case reads are append-only (% refused)', tg_op;
end
$$;

create trigger case_reads_no_update_or_delete
  before update or delete on case_reads
  for each row execute function case_reads_append_only();

-- Which reads each chain event sealed: ids from_id..to_id, their number and
-- the SHA-256 over them, as the event's details say too (the chain protects
-- those; this table only finds where the next seal starts).
create table case_read_seals (
  to_id bigint primary key,
  from_id bigint not null,
  reads integer not null,
  digest text not null,
  sealed_at timestamptz not null default now()
);

create trigger case_read_seals_no_update_or_delete
  before update or delete on case_read_seals
  for each row execute function case_reads_append_only();

alter table case_read_seals enable row level security;
alter table case_read_seals force row level security;
create policy case_read_seals_audit on case_read_seals using (
  (select coalesce(current_setting('senim.scope', true), '') = 'all')
  or (select coalesce(current_setting('senim.audit_read', true), '') = 'on')
);

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'senim_app') then
    execute 'revoke update, delete, truncate on case_reads from senim_app';
    execute 'revoke update, delete, truncate on case_read_seals from senim_app';
  end if;
exception
  when insufficient_privilege then
    raise notice 'case_reads grants not narrowed here: %', sqlerrm;
end
$$;
