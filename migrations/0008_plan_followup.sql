-- Following an Action Plan through: files attached to reports, and the draft
-- of the next plan that the end-of-plan assessment seeds.

-- A seeded plan is a draft until its coordinator confirms it: nobody owes
-- reports on it and no reminder is issued for it before then.
alter table action_plans
  add column status text not null default 'in_force' check (status in ('draft', 'in_force')),
  add column seeded_from_plan_id uuid references action_plans (id),
  add column confirmed_at timestamptz;

create index action_plans_parent_idx on action_plans (parent_plan_id);

create table plan_report_attachments (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references plan_reports (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 120),
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 5242880),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  uploaded_by uuid references users (id),
  uploaded_at timestamptz not null default now()
);

create index plan_report_attachments_report_idx on plan_report_attachments (report_id, uploaded_at);
