-- Two causes of slow case worklists found with bench/cases.ts (100,000 cases).
--
-- PostgreSQL compiles a query to machine code (JIT) once its estimated cost
-- passes jit_above_cost. A case worker's list over 100,000 cases crosses that
-- line, and compiling took longer than running it: 2.3 s for a query that
-- read its rows in 0.5 s. Senim's queries are short and many, the kind JIT
-- does not pay for, so it is turned off for the database. Where the migrating
-- role may not alter the database, set jit = off in postgresql.conf instead.
do $$
begin
  execute format('alter database %I set jit = off', current_database());
exception
  when insufficient_privilege then
    raise notice 'jit not turned off here: %', sqlerrm;
end
$$;

-- The policy of 0011 reads the organization's involvements into a hash even
-- to check a single case; written as EXISTS, PostgreSQL probes the index for
-- a few rows and builds the hash only for long scans. Who sees which case
-- does not change.
drop policy nrm_cases_read on nrm_cases;
create policy nrm_cases_read on nrm_cases for select using (
  coalesce(current_setting('senim.scope', true), '') = 'all'
  or exists (
    select 1 from person_involvements i
    where i.person_id = nrm_cases.person_id
      and i.organization_id = nullif(current_setting('senim.organization_id', true), '')::uuid
  )
);
