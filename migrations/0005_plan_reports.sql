-- Reports on plan measures: each responsible body reports on each measure for
-- each period its deadline rule sets; the coordinating body returns a report
-- for revision or accepts it. Every step is kept.

create table plan_reports (
  id uuid primary key default gen_random_uuid(),
  measure_id uuid not null references plan_measures (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  period_label text not null,
  period_start date not null,
  period_end date not null,
  due_date date not null,
  status text not null check (status in ('draft', 'submitted', 'returned', 'accepted')),
  work_status text not null check (work_status in ('done', 'in_progress', 'not_started', 'cannot_be_done')),
  narrative text not null,
  cannot_reason text,
  people_trained integer check (people_trained is null or people_trained >= 0),
  events_held integer check (events_held is null or events_held >= 0),
  cases integer check (cases is null or cases >= 0),
  money_spent_thousands_kzt numeric(14, 1) check (money_spent_thousands_kzt is null or money_spent_thousands_kzt >= 0),
  submitted_at timestamptz,
  submitted_by uuid references users (id),
  return_reason text,
  updated_at timestamptz not null default now(),
  unique (measure_id, organization_id, period_label),
  check (work_status <> 'cannot_be_done' or cannot_reason is not null)
);

create index plan_reports_organization_idx on plan_reports (organization_id, status);

create table plan_report_steps (
  id bigserial primary key,
  report_id uuid not null references plan_reports (id) on delete cascade,
  step text not null check (step in ('saved', 'submitted', 'returned', 'accepted')),
  actor_user_id uuid references users (id),
  note text,
  taken_at timestamptz not null default now()
);

create index plan_report_steps_report_idx on plan_report_steps (report_id, id);
