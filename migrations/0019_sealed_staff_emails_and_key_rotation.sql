-- Staff emails sealed like display names, and the bookkeeping of data key rotations.

-- A staff member's email is sealed by the identity vault (bound to the user's
-- id) and found through a keyed digest of its trimmed, lower-cased form. The
-- database cannot seal: the key is not in it. So the clear column stays, made
-- nullable, and the application seals every clear email at start, before it
-- serves, then empties the column (sealClearStaffEmails in
-- modules/directory/staff-email.ts). A later migration drops it.
alter table users add column email_sealed text;
alter table users add column email_digest text;
alter table users alter column email drop not null;
alter table users add constraint users_email_sealed_or_clear check (email is not null or (email_sealed is not null and email_digest is not null));

-- Uniqueness of emails moves to the digest; the lower(email) index would only index nulls from now on.
drop index if exists users_email_key;
create unique index users_email_digest_key on users (email_digest);

-- One row per rotation of SENIM_DATA_KEY: which key is retired, which replaces
-- it, and how far the re-encryption got. Progress is also written in the rows
-- themselves (each sealed value names its key), so a crashed rotation resumes
-- where it stopped.
create table key_rotations (
  id bigserial primary key,
  old_key_id text not null check (old_key_id ~ '^[0-9a-f]{8}$'),
  new_key_id text not null check (new_key_id ~ '^[0-9a-f]{8}$' and new_key_id <> old_key_id),
  state text not null default 'running' check (state in ('running', 'finished')),
  persons_done integer not null default 0,
  users_done integer not null default 0,
  batches integer not null default 0,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);

-- At most one rotation at a time.
create unique index key_rotations_one_running on key_rotations ((true)) where state = 'running';

-- The rotation re-seals identity versions in place and replaces look-up
-- digests. The vault's row-level security had no update or delete policy on
-- these tables (nobody else changes them), so only the system actor's scope
-- 'all' gets one; an ordinary user still cannot update or delete a row.
create policy person_identity_versions_rekey on person_identity_versions for update
  using (coalesce(current_setting('senim.scope', true), '') = 'all')
  with check (coalesce(current_setting('senim.scope', true), '') = 'all');
create policy person_lookup_digests_rekey on person_lookup_digests for delete
  using (coalesce(current_setting('senim.scope', true), '') = 'all');
