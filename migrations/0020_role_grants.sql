-- An organization's own internal auditor.
--
-- The national auditor (an oversight body) reads the whole country's audit
-- trail and is granted by the national administrator only. An organization's
-- administrator may now grant 'internal_auditor', which reads the events its
-- own organization's staff caused: the search filters on actor_organization_id,
-- hence the index.

alter table user_roles drop constraint user_roles_role_check;
alter table user_roles add constraint user_roles_role_check check (role in (
  'national_administrator', 'administrator', 'coordinator', 'first_responder', 'case_worker',
  'service_provider', 'investigator', 'hotline_operator', 'analyst', 'auditor', 'internal_auditor'
));

create index audit_events_actor_organization_idx on audit_events (actor_organization_id, id);
