-- Worklists over many cases were slow because row-level security called
-- senim_person_visible() once per case row: a SQL function holding a
-- subquery is never inlined, so a list of 100,000 cases ran it for every
-- row the query touched (about 55 microseconds each; 1.5 s for one case
-- worker's list). The same rule written into the policy itself lets
-- PostgreSQL read the organization's involvements once, by index, and probe
-- them as a hash table. Who sees which case does not change.
drop policy nrm_cases_read on nrm_cases;
create policy nrm_cases_read on nrm_cases for select using (
  coalesce(current_setting('senim.scope', true), '') = 'all'
  or person_id in (
    select i.person_id from person_involvements i
    where i.organization_id = nullif(current_setting('senim.organization_id', true), '')::uuid
  )
);
