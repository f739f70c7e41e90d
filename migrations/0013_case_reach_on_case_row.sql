-- Which organizations reach a case, kept on the case row.
--
-- The read policy of 0012 asked person_involvements for every case row it
-- filtered. Row-level security quals stay filters (PostgreSQL never turns them
-- into joins), so a worklist over the cases of an organization involved with
-- 26,666 persons hashed all of those involvements for each query, about 5 ms,
-- twice a page (rows and count). The same fact as a column is a comparison
-- per row. Triggers keep it equal to the involvements; who sees which case
-- does not change.

-- A database owner that is not a superuser is bound by the forced policies:
-- the back-fill below must see every case.
select set_config('senim.scope', 'all', true);

alter table nrm_cases add column involved_organization_ids uuid[] not null default '{}';

create function senim_case_involvements(person uuid) returns uuid[]
  language sql stable
as $$
  select coalesce(array_agg(distinct i.organization_id order by i.organization_id), '{}')
  from person_involvements i
  where i.person_id = person
$$;

update nrm_cases set involved_organization_ids = senim_case_involvements(person_id);

-- Security definer with scope 'all': an involvement removed in a transaction
-- of the organization losing it must still reach the case row to take that
-- organization off, although the organization no longer sees the row.
-- The scope is set in the body and put back, not in a SET clause: only a
-- superuser may name a custom setting there, and the owner need not be one.
-- If an update fails, the aborted transaction discards the setting with it.
create function senim_refresh_case_reach() returns trigger
  language plpgsql security definer
  set search_path = public
as $$
declare
  scope_before text := current_setting('senim.scope', true);
begin
  perform set_config('senim.scope', 'all', true);
  if tg_op = 'INSERT' then
    update nrm_cases c set involved_organization_ids = senim_case_involvements(c.person_id)
    where c.person_id in (select added.person_id from added);
  elsif tg_op = 'DELETE' then
    update nrm_cases c set involved_organization_ids = senim_case_involvements(c.person_id)
    where c.person_id in (select removed.person_id from removed);
  else
    update nrm_cases c set involved_organization_ids = senim_case_involvements(c.person_id)
    where c.person_id in (select added.person_id from added union select removed.person_id from removed);
  end if;
  perform set_config('senim.scope', coalesce(scope_before, ''), true);
  return null;
end
$$;

create trigger person_involvements_reach_insert after insert on person_involvements
  referencing new table as added for each statement execute function senim_refresh_case_reach();
create trigger person_involvements_reach_delete after delete on person_involvements
  referencing old table as removed for each statement execute function senim_refresh_case_reach();
create trigger person_involvements_reach_update after update on person_involvements
  referencing old table as removed new table as added for each statement execute function senim_refresh_case_reach();

-- A case recorded for a person already involved somewhere starts with that reach.
create function senim_case_reach_of_new_row() returns trigger
  language plpgsql security definer
  set search_path = public
as $$
begin
  new.involved_organization_ids := senim_case_involvements(new.person_id);
  return new;
end
$$;

create trigger nrm_cases_reach before insert or update of person_id on nrm_cases
  for each row execute function senim_case_reach_of_new_row();

-- For lists over everything an organization reaches ("in reach"), by containment.
create index nrm_cases_involved_idx on nrm_cases using gin (involved_organization_ids);
-- Lists in order of the last change stop after a page instead of sorting every case.
create index nrm_cases_updated_idx on nrm_cases (updated_at desc, id);

drop policy nrm_cases_read on nrm_cases;
create policy nrm_cases_read on nrm_cases for select using (
  coalesce(current_setting('senim.scope', true), '') = 'all'
  or nullif(current_setting('senim.organization_id', true), '')::uuid = any (involved_organization_ids)
);
