-- Sign-in hardening (issue 12). Wrong authenticator codes count against the
-- account across password sign-ins; an administrator's reset gives a password
-- the user must replace at the next sign-in; old sessions and attempts are
-- purged by age.

alter table users add column must_change_password boolean not null default false;

-- Which step of sign-in an attempt was. A correct password resets the count of
-- wrong passwords only: wrong codes are reset by a correct code or by an
-- administrator's password reset ('reset'), so that a thief who knows the
-- password cannot guess codes four at a time, round after round.
alter table sign_in_attempts add column step text not null default 'password'
  check (step in ('password', 'code', 'reset'));

-- The purge deletes by age, in one pass over each table.
create index sign_in_attempts_time_idx on sign_in_attempts (attempted_at);
create index sessions_finished_idx on sessions ((coalesce(ended_at, expires_at)));
