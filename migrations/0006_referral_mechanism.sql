-- The National Referral Mechanism: one case per episode of a person's contact
-- with the system, from referral intake to closure and follow-up. Case data
-- never holds a name, birth date, document or contact: those stay in the
-- identity vault (persons), and a case only points at its person. Access to a
-- case follows person_involvements, so the row-level security of the vault
-- also walls the case tables.

-- Who may identify victims under the Criteria, and which bodies are law
-- enforcement (they see a case only with the person's consent to share).
alter table organizations add column may_identify boolean not null default false;
alter table organizations add column law_enforcement boolean not null default false;

-- Defaults for each organization come with the reference data
-- (src/server/modules/reference/referral-roles.ts).

-- Which special social services an organization offers (the Standard's eight types).
create table organization_services (
  organization_id uuid not null references organizations (id) on delete cascade,
  service_type text not null check (service_type in ('social_welfare', 'medical', 'psychological', 'educational', 'employment', 'cultural', 'economic', 'legal')),
  primary key (organization_id, service_type)
);

create table nrm_cases (
  id uuid primary key,
  -- Pseudonymous: says nothing about the person. Printed on every paper.
  code text not null unique,
  person_id uuid not null references persons (id),
  owner_organization_id uuid not null references organizations (id),
  region_id integer not null references regions (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  status text not null default 'active' check (status in ('active', 'follow_up', 'closed')),
  episode integer not null default 1 check (episode > 0),
  possible_retrafficking boolean not null default false,
  referral_source text not null,
  meeting_context text not null,
  first_contact_date date not null,
  circumstances text,
  -- Coarse facts statistics need; the precise ones are in the vault.
  sex text not null check (sex in ('female', 'male', 'other', 'not_disclosed')),
  age_years integer check (age_years is null or (age_years >= 0 and age_years < 120)),
  age_basis text not null check (age_basis in ('documented', 'declared', 'estimated', 'unknown')),
  citizenship text not null,
  -- HTCDS granularity, filled by screening and identification.
  exploitation_forms text[] not null default '{}',
  labour_sectors text[] not null default '{}',
  methods_of_control text[] not null default '{}',
  recruitment_methods text[] not null default '{}',
  trafficking_scope text check (trafficking_scope in ('internal', 'cross_border')),
  closure_outcome text,
  closure_reason text,
  closed_at timestamptz,
  -- Kept current by the service after every step, so worklists need no joins.
  step text not null default 'consent',
  latest_decision text check (latest_decision in ('identified', 'not_identified', 'pending')),
  decision_due_on date not null,
  reflection_ends_on date
);

create index nrm_cases_person_idx on nrm_cases (person_id);
create index nrm_cases_owner_idx on nrm_cases (owner_organization_id, created_at desc);
create index nrm_cases_decision_due_idx on nrm_cases (decision_due_on) where status = 'active' and (latest_decision is null or latest_decision = 'pending');
create index nrm_cases_reflection_idx on nrm_cases (reflection_ends_on) where reflection_ends_on is not null and status <> 'closed';

-- Every step of a case, newest last: the timeline. Details never carry
-- identifying data.
create table case_events (
  id bigserial primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  kind text not null,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid references users (id),
  organization_id uuid references organizations (id),
  details jsonb not null default '{}'
);

create index case_events_case_idx on case_events (case_id, id);

-- Named workers: for a child's case only they see it, within involved organizations.
create table case_workers (
  case_id uuid not null references nrm_cases (id) on delete cascade,
  user_id uuid not null references users (id),
  named_by uuid references users (id),
  named_at timestamptz not null default now(),
  primary key (case_id, user_id)
);

create index case_workers_user_idx on case_workers (user_id);

create table case_consents (
  id uuid primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  scope text not null check (scope in ('processing', 'referral', 'police_sharing')),
  -- For referral and police sharing: the organization the person agreed to; null means any.
  organization_id uuid references organizations (id),
  given boolean not null,
  method text not null check (method in ('written', 'oral', 'by_guardian')),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id)
);

create index case_consents_case_idx on case_consents (case_id);

-- A first responder's notification when an adult refuses everything: no person, only the facts statistics need.
create table anonymous_notifications (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  region_id integer not null references regions (id),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  contact_date date not null,
  referral_source text not null,
  meeting_context text not null,
  sex text not null,
  age_group text not null check (age_group in ('child', 'adult', 'unknown')),
  citizenship text not null,
  exploitation_forms text[] not null default '{}',
  trafficking_scope text check (trafficking_scope in ('internal', 'cross_border'))
);

create index anonymous_notifications_org_idx on anonymous_notifications (organization_id, contact_date);

-- Indicator questionnaires are versioned; a screening keeps the version it used.
create table screening_questionnaires (
  id uuid primary key,
  audience text not null check (audience in ('adult', 'child')),
  version integer not null check (version > 0),
  title text not null,
  definition jsonb not null,
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (audience, version)
);

create table case_screenings (
  id uuid primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  questionnaire_id uuid not null references screening_questionnaires (id),
  interviewed_on date not null,
  recorded_by uuid references users (id),
  organization_id uuid not null references organizations (id),
  recorded_at timestamptz not null default now(),
  assessment jsonb not null
);

create index case_screenings_case_idx on case_screenings (case_id, recorded_at);

-- Each indicator as an observed fact: who observed it, when, what was answered.
create table screening_observations (
  screening_id uuid not null references case_screenings (id) on delete cascade,
  indicator_code text not null,
  answer text not null check (answer in ('yes', 'no', 'unknown')),
  note text,
  primary key (screening_id, indicator_code)
);

create table identification_decisions (
  id uuid primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  decided_by uuid references users (id),
  decided_at timestamptz not null default now(),
  outcome text not null check (outcome in ('identified', 'not_identified', 'pending')),
  exploitation_forms text[] not null default '{}',
  trafficking_scope text check (trafficking_scope in ('internal', 'cross_border')),
  reasons text not null,
  reviews_decision_id uuid references identification_decisions (id)
);

create index identification_decisions_case_idx on identification_decisions (case_id, decided_at);

create table case_referrals (
  id uuid primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  from_organization_id uuid not null references organizations (id),
  to_organization_id uuid not null references organizations (id),
  service_types text[] not null,
  reason text not null,
  requested_by uuid references users (id),
  requested_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  responded_by uuid references users (id),
  responded_at timestamptz,
  decline_reason text,
  placement boolean not null default false,
  placement_from date,
  placement_to date,
  consent_overridden boolean not null default false,
  override_reason text,
  check (status <> 'declined' or decline_reason is not null)
);

create index case_referrals_to_idx on case_referrals (to_organization_id, status);
create index case_referrals_case_idx on case_referrals (case_id);

-- The assistance plan under the Standard for special social services.
create table case_services (
  id uuid primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  service_type text not null,
  provider_organization_id uuid not null references organizations (id),
  referral_id uuid references case_referrals (id),
  status text not null check (status in ('planned', 'in_progress', 'delivered', 'cancelled')),
  planned_from date,
  planned_to date,
  delivered_on date,
  notes text,
  recorded_by uuid references users (id),
  updated_at timestamptz not null default now()
);

create index case_services_case_idx on case_services (case_id);

-- Foreign and stateless persons: reflection period, stay, non-punishment, return.
create table case_migration_status (
  case_id uuid primary key references nrm_cases (id) on delete cascade,
  documents_status text not null check (documents_status in ('held', 'missing', 'withheld_by_exploiter', 'with_authorities', 'unknown')),
  reflection_days integer not null check (reflection_days between 1 and 365),
  stay_until_court_ruling boolean not null default false,
  non_punishment boolean not null default false,
  non_punishment_note text,
  registration_extended_until date,
  residence_permit_until date,
  work_permit_until date,
  return_status text not null default 'none' check (return_status in ('none', 'requested', 'with_consulate', 'with_iom', 'completed')),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

create table case_child_protection (
  case_id uuid primary key references nrm_cases (id) on delete cascade,
  guardian_kind text not null check (guardian_kind in ('none_yet', 'parent', 'guardian', 'legal_representative', 'guardianship_authority')),
  guardian_organization_id uuid references organizations (id),
  best_interests_assessed_on date,
  best_interests_summary text,
  placement_organization_id uuid references organizations (id),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

create table case_follow_ups (
  id uuid primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  contacted_on date not null,
  method text not null check (method in ('visit', 'phone', 'message', 'office')),
  note text not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);

-- The second wall: case rows are visible only where the person is.
alter table nrm_cases enable row level security;
alter table nrm_cases force row level security;
create policy nrm_cases_read on nrm_cases for select using (senim_person_visible(person_id));
create policy nrm_cases_insert on nrm_cases for insert with check (senim_person_visible(person_id));
create policy nrm_cases_update on nrm_cases for update using (senim_person_visible(person_id));

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'senim_app') then
    execute 'grant select, insert, update, delete on all tables in schema public to senim_app';
    execute 'grant usage, select on all sequences in schema public to senim_app';
  end if;
exception
  when insufficient_privilege or invalid_grant_operation then
    raise notice 'senim_app not granted here: %', sqlerrm;
end
$$;
