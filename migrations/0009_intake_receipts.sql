-- What a first responder keeps of a case they recorded: its code and date.
-- Kept apart from nrm_cases, whose row-level security hides the case itself
-- from a police body that has no consent to share (it handed the case over).
create table intake_receipts (
  case_id uuid primary key references nrm_cases (id) on delete cascade,
  code text not null,
  organization_id uuid not null references organizations (id),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now()
);

create index intake_receipts_recorder_idx on intake_receipts (recorded_by, recorded_at desc);

insert into intake_receipts (case_id, code, organization_id, recorded_by, recorded_at)
select id, code, owner_organization_id, created_by, created_at from nrm_cases where created_by is not null
on conflict do nothing;
