-- Worklists that read the index, not the cases.
--
-- 1. The read policy asked current_setting() twice and cast the organization
--    to uuid for every row it filtered: half a microsecond a row, 3 ms for the
--    6,000 candidates of "decisions overdue" at 100,000 cases. Wrapped in a
--    scalar subquery, each setting becomes an InitPlan, read once per query.
--    Who sees which case does not change.
drop policy nrm_cases_read on nrm_cases;
create policy nrm_cases_read on nrm_cases for select using (
  (select coalesce(current_setting('senim.scope', true), '') = 'all')
  or (select nullif(current_setting('senim.organization_id', true), '')::uuid) = any (involved_organization_ids)
);

-- 2. A worklist first picks its page of case ids and counts the matches, then
--    reads the 50 rows of that page (listCases in case.service.ts). The indexes
--    below carry everything the first step filters on (reach, age, and the
--    list's own order), so it is an index-only scan: for "decisions overdue"
--    about 80 index pages instead of one heap page per candidate case.
drop index nrm_cases_decision_due_idx;
create index nrm_cases_decision_due_idx on nrm_cases (decision_due_on, id)
  include (involved_organization_ids, age_basis, age_years)
  where status = 'active' and (latest_decision is null or latest_decision = 'pending');

drop index nrm_cases_reflection_idx;
create index nrm_cases_reflection_idx on nrm_cases (reflection_ends_on, id)
  include (involved_organization_ids, age_basis, age_years)
  where reflection_ends_on is not null and status <> 'closed';

drop index nrm_cases_updated_idx;
create index nrm_cases_updated_idx on nrm_cases (updated_at desc, id)
  include (involved_organization_ids, age_basis, age_years);
