-- Action Plans: a plan's numbered measures, who answers for each, and the
-- deadline of each as an editable rule from which the reporting calendar is
-- computed. The imported document is kept verbatim beside what was read from it.

create table action_plans (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  level text not null check (level in ('national', 'regional')),
  parent_plan_id uuid references action_plans (id),
  -- The body that gathers every report and writes the consolidated one (MJ for 2009-2011).
  coordinator_organization_id uuid not null references organizations (id),
  period_from_year integer not null,
  period_to_year integer not null,
  decree text,
  source_text text not null,
  imported_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (period_to_year >= period_from_year and period_to_year - period_from_year < 20)
);

create table plan_measures (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references action_plans (id) on delete cascade,
  number integer not null check (number > 0),
  action text not null,
  completion_form text not null,
  deadline_text text not null,
  -- Null when the phrase was not understood and the coordinator has not written a rule yet.
  deadline_rule jsonb,
  costs jsonb not null,
  costs_text text not null,
  funding_text text not null,
  funding_sources text[] not null default '{}',
  budget_programmes text[] not null default '{}',
  unique (plan_id, number)
);

-- One row per reporting body. "Akimats of regions and cities" becomes one row
-- per akimat, since each of them reports.
create table plan_measure_bodies (
  measure_id uuid not null references plan_measures (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  position integer not null,
  written_as text not null,
  lead boolean not null,
  by_agreement boolean not null,
  primary key (measure_id, organization_id)
);

create index plan_measure_bodies_organization_idx on plan_measure_bodies (organization_id);
