-- Consolidated reports on a commission's decisions that its working body
-- published: the document is frozen as published (PDF) and served to anyone,
-- while the reports behind it stay among the bodies concerned.

create table commission_reports (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id),
  reporting_date date not null,
  language text not null check (language in ('ru', 'en')),
  content bytea not null,
  size_bytes integer not null check (size_bytes > 0),
  published_at timestamptz not null default now(),
  published_by uuid references users (id),
  unique (commission_id, reporting_date, language)
);
