-- The Inter-Agency Commission and its regional counterparts: who sits on it
-- (history kept: leaving sets member_to), which body serves as its working
-- body in each period, its numbered meetings with agenda, notices to every
-- member, minutes, and decisions. A decision is tracked exactly like an Action
-- Plan measure: each commission owns a plan of level 'commission' whose
-- measures are its decisions, coordinated by the working body of the day.

alter table action_plans drop constraint action_plans_level_check;
alter table action_plans add constraint action_plans_level_check check (level in ('national', 'regional', 'commission'));
-- A commission outlives any plan (the national one has sat since 2003): its decisions plan has no 20-year bound.
alter table action_plans drop constraint action_plans_check;
alter table action_plans add constraint action_plans_check check (
  period_to_year >= period_from_year and (level = 'commission' or period_to_year - period_from_year < 20)
);

create table commissions (
  id uuid primary key default gen_random_uuid(),
  level text not null check (level in ('national', 'regional')),
  -- A regional commission sits under the akimat of its region.
  akimat_organization_id uuid references organizations (id),
  name_ru text not null check (length(name_ru) between 1 and 500),
  name_kk text not null check (length(name_kk) between 1 and 500),
  name_en text not null check (length(name_en) between 1 and 500),
  established_on date not null,
  notice_days integer not null default 10 check (notice_days between 1 and 90),
  -- The two bodies the working body alternates between, and how long each serves;
  -- null when the commission's founding act sets no rotation.
  rotation_first_organization_id uuid references organizations (id),
  rotation_second_organization_id uuid references organizations (id),
  rotation_years integer not null default 2 check (rotation_years between 1 and 10),
  decisions_plan_id uuid not null unique references action_plans (id),
  created_at timestamptz not null default now(),
  check ((level = 'national') = (akimat_organization_id is null)),
  check ((rotation_first_organization_id is null) = (rotation_second_organization_id is null)),
  check (rotation_first_organization_id is distinct from rotation_second_organization_id or rotation_first_organization_id is null)
);

create table commission_members (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id),
  organization_id uuid not null references organizations (id),
  kind text not null check (kind in ('state_body', 'ngo', 'observer', 'international')),
  member_from date not null,
  member_to date,
  check (member_to is null or member_to >= member_from)
);

-- An organization holds one seat at a time; earlier seats stay as history.
create unique index commission_members_current_idx on commission_members (commission_id, organization_id) where member_to is null;
create index commission_members_organization_idx on commission_members (organization_id);

create table commission_working_bodies (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id),
  organization_id uuid not null references organizations (id),
  period_from date not null,
  period_to date,
  check (period_to is null or period_to > period_from)
);

create unique index commission_working_bodies_current_idx on commission_working_bodies (commission_id) where period_to is null;

create table commission_meetings (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id),
  number integer not null check (number > 0),
  meeting_date date not null,
  place text not null check (length(place) between 1 and 500),
  agenda text[] not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
  minutes text,
  minutes_published boolean not null default false,
  minutes_recorded_at timestamptz,
  created_at timestamptz not null default now(),
  unique (commission_id, number),
  check (minutes is null or status = 'held'),
  check (not minutes_published or minutes is not null)
);

-- One notice per member organization and meeting: there is no e-mail, the
-- member reads it in Senim.
create table commission_notices (
  meeting_id uuid not null references commission_meetings (id),
  organization_id uuid not null references organizations (id),
  sent_at timestamptz not null default now(),
  sent_by uuid references users (id),
  primary key (meeting_id, organization_id)
);

create index commission_notices_organization_idx on commission_notices (organization_id, sent_at);

create table commission_decisions (
  measure_id uuid primary key references plan_measures (id),
  meeting_id uuid not null references commission_meetings (id),
  position integer not null check (position > 0),
  unique (meeting_id, position)
);
