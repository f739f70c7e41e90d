-- The justice module's rows about a victim's case sit behind the case's wall,
-- as every other record of a case does (0015): a case's link to a proceeding
-- (with the person's procedural status and the non-punishment review), its
-- state protection, civil claim and Fund compensation show, and are accepted,
-- only where the transaction can see the case. The justice services that must
-- cross the wall (an investigator links a case code it cannot read; statistics
-- count every case) say so by running as a named system actor.

alter table proceeding_cases enable row level security;
alter table proceeding_cases force row level security;
create policy proceeding_cases_in_reach on proceeding_cases using (exists (select 1 from nrm_cases c where c.id = proceeding_cases.case_id));

alter table state_protections enable row level security;
alter table state_protections force row level security;
create policy state_protections_in_reach on state_protections using (exists (select 1 from nrm_cases c where c.id = state_protections.case_id));

alter table civil_claims enable row level security;
alter table civil_claims force row level security;
create policy civil_claims_in_reach on civil_claims using (exists (select 1 from nrm_cases c where c.id = civil_claims.case_id));

alter table fund_compensations enable row level security;
alter table fund_compensations force row level security;
create policy fund_compensations_in_reach on fund_compensations using (exists (select 1 from nrm_cases c where c.id = fund_compensations.case_id));
