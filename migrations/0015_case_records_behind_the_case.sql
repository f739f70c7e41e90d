-- A case's records sit behind the same wall as the case.
--
-- Row-level security limited persons, their identities and the case rows to
-- the organizations involved, but a case's own records (timeline, consents,
-- screenings and their answers, decisions, referrals, services, migration and
-- child-protection records, follow-ups, named workers) were readable by any
-- query that forgot its scope. Each of those tables now shows, and accepts,
-- only rows of a case the transaction can see: the policy asks nrm_cases,
-- whose own policy applies inside it. Writes need the case in sight too, so a
-- step that takes an organization out of a case records everything before it
-- leaves. As on nrm_cases, the policies bind the tables' owner too (force), for
-- an installation where the application cannot switch to senim_app; code that
-- must read past them says so (systemActor). Intake receipts stay outside:
-- they carry a code and a date, and their recorder keeps them after losing
-- sight of the case.

alter table case_events enable row level security;
alter table case_events force row level security;
create policy case_events_in_reach on case_events using (exists (select 1 from nrm_cases c where c.id = case_events.case_id));

alter table case_workers enable row level security;
alter table case_workers force row level security;
create policy case_workers_in_reach on case_workers using (exists (select 1 from nrm_cases c where c.id = case_workers.case_id));

alter table case_consents enable row level security;
alter table case_consents force row level security;
create policy case_consents_in_reach on case_consents using (exists (select 1 from nrm_cases c where c.id = case_consents.case_id));

alter table case_screenings enable row level security;
alter table case_screenings force row level security;
create policy case_screenings_in_reach on case_screenings using (exists (select 1 from nrm_cases c where c.id = case_screenings.case_id));

alter table screening_observations enable row level security;
alter table screening_observations force row level security;
create policy screening_observations_in_reach on screening_observations
  using (exists (select 1 from case_screenings s where s.id = screening_observations.screening_id));

alter table identification_decisions enable row level security;
alter table identification_decisions force row level security;
create policy identification_decisions_in_reach on identification_decisions
  using (exists (select 1 from nrm_cases c where c.id = identification_decisions.case_id));

alter table case_referrals enable row level security;
alter table case_referrals force row level security;
create policy case_referrals_in_reach on case_referrals using (exists (select 1 from nrm_cases c where c.id = case_referrals.case_id));

alter table case_services enable row level security;
alter table case_services force row level security;
create policy case_services_in_reach on case_services using (exists (select 1 from nrm_cases c where c.id = case_services.case_id));

alter table case_migration_status enable row level security;
alter table case_migration_status force row level security;
create policy case_migration_status_in_reach on case_migration_status
  using (exists (select 1 from nrm_cases c where c.id = case_migration_status.case_id));

alter table case_child_protection enable row level security;
alter table case_child_protection force row level security;
create policy case_child_protection_in_reach on case_child_protection
  using (exists (select 1 from nrm_cases c where c.id = case_child_protection.case_id));

alter table case_follow_ups enable row level security;
alter table case_follow_ups force row level security;
create policy case_follow_ups_in_reach on case_follow_ups using (exists (select 1 from nrm_cases c where c.id = case_follow_ups.case_id));

-- How many beds a provider has taken counts every placement, including those in
-- cases the asking organization cannot see: a number per provider, nothing of
-- any case. The function reads past the wall by design, so its name says so.
-- It sets the scope in its body and puts it back, as senim_refresh_case_reach
-- (0013) does: a SET clause naming a custom setting needs a superuser.
create function senim_occupied_places_unscoped(providers uuid[], on_day date)
  returns table (organization_id uuid, occupied bigint)
  language plpgsql security definer
  set search_path = public
as $$
declare
  scope_before text := current_setting('senim.scope', true);
begin
  perform set_config('senim.scope', 'all', true);
  return query
    select r.to_organization_id, count(*)
    from case_referrals r
    where r.to_organization_id = any (providers)
      and r.status = 'accepted'
      and r.placement
      and r.placement_from <= on_day
      and (r.placement_to is null or r.placement_to >= on_day)
    group by r.to_organization_id;
  perform set_config('senim.scope', coalesce(scope_before, ''), true);
end
$$;
