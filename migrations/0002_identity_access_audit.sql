-- Users, sessions, sign-in throttling and the hash-chained audit trail.

create table users (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  email text not null,
  -- Staff are people too: a name is sealed by the identity vault like any other.
  display_name_sealed text not null,
  password_hash text not null,
  language text not null default 'ru' check (language in ('ru', 'kk', 'en')),
  status text not null default 'active' check (status in ('active', 'disabled')),
  -- TOTP secrets are encrypted by the identity vault's key, never stored in clear.
  totp_secret_encrypted text,
  totp_pending_secret_encrypted text,
  mfa_enrolled_at timestamptz,
  last_totp_step bigint,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create unique index users_email_key on users (lower(email));
create index users_organization_idx on users (organization_id);

create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in (
    'national_administrator', 'administrator', 'coordinator', 'first_responder', 'case_worker',
    'service_provider', 'investigator', 'hotline_operator', 'analyst', 'auditor'
  )),
  primary key (user_id, role)
);

-- Regions a user works in; none means every region the organization serves.
create table user_regions (
  user_id uuid not null references users (id) on delete cascade,
  region_id integer not null references regions (id),
  primary key (user_id, region_id)
);

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of
-- this table does not let anyone sign in.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  mfa_status text not null check (mfa_status in ('required', 'enroll', 'complete', 'none')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  end_reason text check (end_reason in ('logout', 'revoked', 'expired', 'idle', 'user_disabled')),
  ended_by uuid references users (id),
  ip text,
  user_agent text
);

create index sessions_user_idx on sessions (user_id) where ended_at is null;

create table sign_in_attempts (
  id bigserial primary key,
  email_key text not null,
  ip text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);

create index sign_in_attempts_ip_idx on sign_in_attempts (ip, attempted_at);
create index sign_in_attempts_email_idx on sign_in_attempts (email_key, attempted_at);

create table audit_events (
  id bigserial primary key,
  occurred_at timestamptz not null,
  actor_kind text not null check (actor_kind in ('user', 'system', 'anonymous')),
  actor_user_id uuid,
  actor_organization_id uuid,
  actor_label text not null,
  action text not null,
  record_type text,
  record_id text,
  fields text[] not null default '{}',
  purpose text,
  outcome text not null check (outcome in ('success', 'denied', 'failure')),
  request_id text,
  ip text,
  details jsonb not null default '{}',
  previous_hash text not null,
  hash text not null unique
);

create index audit_events_actor_idx on audit_events (actor_user_id, occurred_at);
create index audit_events_record_idx on audit_events (record_type, record_id, occurred_at);
create index audit_events_time_idx on audit_events (occurred_at);

-- One row holding the end of the chain. Locking it orders concurrent writers,
-- so each event links to exactly one predecessor.
create table audit_chain_head (
  singleton boolean primary key default true check (singleton),
  last_event_id bigint,
  last_hash text not null
);

insert into audit_chain_head (singleton, last_event_id, last_hash) values (true, null, 'senim-audit-genesis');

-- Append-only: the application can neither change nor delete an event. Someone
-- who disables this trigger by hand is caught by `senim audit verify`.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit events are append-only (% refused)', tg_op;
end;
$$;

create trigger audit_events_no_update_or_delete
  before update or delete on audit_events
  for each row execute function audit_events_append_only();
