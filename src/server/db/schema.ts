import type { ColumnType, Generated } from 'kysely';

// Row types of every table, kept by hand beside migrations/. A column that the
// database fills (serial, default now()) is Generated so inserts may omit it.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export interface SenimMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: GeneratedTimestamp;
}

export interface RegionsTable {
  id: Generated<number>;
  code: string;
  kind: 'region' | 'city';
  time_zone: string;
  valid_from: string;
  valid_to: string | null;
}

export interface RegionNamesTable {
  region_id: number;
  valid_from: string;
  valid_to: string | null;
  name_ru: string;
  name_kk: string;
  name_en: string;
}

export interface RegionSuccessionsTable {
  predecessor_id: number;
  successor_id: number;
}

export type OrganizationKindColumn =
  | 'state_body'
  | 'akimat'
  | 'ngo'
  | 'shelter'
  | 'crisis_centre'
  | 'international_organization'
  | 'hotline'
  | 'operator';

export interface OrganizationsTable {
  id: Generated<string>;
  code: string;
  kind: OrganizationKindColumn;
  abbreviation_ru: string;
  abbreviation_kk: string;
  abbreviation_en: string;
  name_ru: string;
  name_kk: string;
  name_en: string;
  by_agreement: Generated<boolean>;
  parent_id: string | null;
  public_phone: string | null;
  capacity: number | null;
  may_identify: Generated<boolean>;
  law_enforcement: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface OrganizationRegionsTable {
  organization_id: string;
  region_id: number;
}

export interface OrganizationConfidentialAddressesTable {
  organization_id: string;
  address: string;
  updated_at: GeneratedTimestamp;
}

export interface CriminalCodeArticlesTable {
  id: Generated<number>;
  edition: '1997' | '2014';
  article: string;
  title_ru: string;
  title_kk: string;
  title_en: string;
  category: 'thb' | 'exploitation' | 'related';
  max_prison_years: number | null;
}

export interface CriminalCodeArticleMappingsTable {
  article_1997_id: number;
  article_2014_id: number;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  /** Clear email of a row made before 0019, emptied at start once sealed; new rows leave it null. */
  email: string | null;
  /** The email sealed by the vault, bound to the user's id (see staff-email.ts). */
  email_sealed: string | null;
  /** Keyed digest of the trimmed, lower-cased email: how sign-in finds a user; unique. */
  email_digest: string | null;
  display_name_sealed: string;
  password_hash: string;
  language: Generated<'ru' | 'kk' | 'en'>;
  status: Generated<'active' | 'disabled'>;
  totp_secret_encrypted: string | null;
  totp_pending_secret_encrypted: string | null;
  mfa_enrolled_at: NullableTimestamp;
  last_totp_step: number | null;
  password_changed_at: GeneratedTimestamp;
  /** Set by an administrator's reset: nothing but a password change works until the user sets a new one. */
  must_change_password: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface UserRegionsTable {
  user_id: string;
  region_id: number;
}

export type MfaStatus = 'required' | 'enroll' | 'complete' | 'none';

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_status: MfaStatus;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  ended_at: NullableTimestamp;
  end_reason: 'logout' | 'revoked' | 'expired' | 'idle' | 'user_disabled' | null;
  ended_by: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  email_key: string;
  ip: string;
  succeeded: boolean;
  /** The password, the authenticator code, or an administrator's reset (which lifts a lock). */
  step: Generated<SignInStep>;
  attempted_at: GeneratedTimestamp;
}

export type SignInStep = 'password' | 'code' | 'reset';

export interface AuditEventsTable {
  id: number;
  occurred_at: Timestamp;
  actor_kind: 'user' | 'system' | 'anonymous';
  actor_user_id: string | null;
  actor_organization_id: string | null;
  actor_label: string;
  action: string;
  record_type: string | null;
  record_id: string | null;
  fields: string[];
  purpose: string | null;
  outcome: 'success' | 'denied' | 'failure';
  request_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  previous_hash: string;
  hash: string;
  /** 'sha256' only for events written before migration 0017; every later one is keyed. */
  hash_kind: 'sha256' | 'hmac-sha256';
  /** The audit key's id for a keyed event. */
  key_id: string | null;
}

export interface AuditChainHeadTable {
  singleton: boolean;
  last_event_id: number | null;
  last_hash: string;
  /** The last event hashed without a key (null: none); verification refuses an unkeyed event after it. */
  unkeyed_until_event_id: number | null;
}

export interface PersonsTable {
  id: string;
  owner_organization_id: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  identity_version: Generated<number>;
}

export interface PersonIdentityVersionsTable {
  person_id: string;
  version: number;
  sealed_identity: string;
  key_id: string;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
  reason: string | null;
}

export type LookupKindColumn = 'name' | 'full_name' | 'document' | 'phone' | 'birth_date';

export interface PersonLookupDigestsTable {
  person_id: string;
  kind: LookupKindColumn;
  digest: string;
}

export type InvolvementBasis = 'recorded' | 'referral' | 'identification' | 'service' | 'police_consent' | 'transfer';

export interface PersonInvolvementsTable {
  person_id: string;
  organization_id: string;
  basis: InvolvementBasis;
  granted_by: string | null;
  granted_at: GeneratedTimestamp;
}

export interface ActionPlansTable {
  id: Generated<string>;
  title: string;
  level: 'national' | 'regional' | 'commission';
  parent_plan_id: string | null;
  coordinator_organization_id: string;
  period_from_year: number;
  period_to_year: number;
  decree: string | null;
  source_text: string;
  imported_by: string | null;
  created_at: GeneratedTimestamp;
  status: Generated<'draft' | 'in_force'>;
  seeded_from_plan_id: string | null;
  confirmed_at: NullableTimestamp;
}

export interface PlanMeasuresTable {
  id: Generated<string>;
  plan_id: string;
  number: number;
  action: string;
  completion_form: string;
  deadline_text: string;
  deadline_rule: ColumnType<unknown, string | null, string | null>;
  costs: ColumnType<unknown, string, string>;
  costs_text: string;
  funding_text: string;
  funding_sources: string[];
  budget_programmes: string[];
}

export interface PlanMeasureBodiesTable {
  measure_id: string;
  organization_id: string;
  position: number;
  written_as: string;
  lead: boolean;
  by_agreement: boolean;
}

export type PlanReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type PlanWorkStatus = 'done' | 'in_progress' | 'not_started' | 'cannot_be_done';

export interface PlanReportsTable {
  id: Generated<string>;
  measure_id: string;
  organization_id: string;
  period_label: string;
  period_start: string;
  period_end: string;
  due_date: string;
  status: PlanReportStatus;
  work_status: PlanWorkStatus;
  narrative: string;
  cannot_reason: string | null;
  people_trained: number | null;
  events_held: number | null;
  cases: number | null;
  money_spent_thousands_kzt: ColumnType<string | null, number | null, number | null>;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  return_reason: string | null;
  updated_at: GeneratedTimestamp;
}

export interface PlanReportStepsTable {
  id: Generated<number>;
  report_id: string;
  step: 'saved' | 'submitted' | 'returned' | 'accepted';
  actor_user_id: string | null;
  note: string | null;
  taken_at: GeneratedTimestamp;
}

export interface PlanReportAttachmentsTable {
  id: Generated<string>;
  report_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: GeneratedTimestamp;
}

export interface OrganizationServicesTable {
  organization_id: string;
  service_type: string;
}

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface NrmCasesTable {
  id: string;
  code: string;
  person_id: string;
  /** The organizations involved with the person, kept by triggers on person_involvements (migration 0013). */
  involved_organization_ids: ColumnType<string[], never, never>;
  owner_organization_id: string;
  region_id: number;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  status: Generated<'active' | 'follow_up' | 'closed'>;
  episode: Generated<number>;
  possible_retrafficking: Generated<boolean>;
  referral_source: string;
  meeting_context: string;
  first_contact_date: DateColumn;
  circumstances: string | null;
  sex: 'female' | 'male' | 'other' | 'not_disclosed';
  age_years: number | null;
  age_basis: 'documented' | 'declared' | 'estimated' | 'unknown';
  citizenship: string;
  exploitation_forms: Generated<string[]>;
  labour_sectors: Generated<string[]>;
  methods_of_control: Generated<string[]>;
  recruitment_methods: Generated<string[]>;
  trafficking_scope: 'internal' | 'cross_border' | null;
  closure_outcome: string | null;
  closure_reason: string | null;
  closed_at: NullableTimestamp;
  step: Generated<string>;
  latest_decision: 'identified' | 'not_identified' | 'pending' | null;
  decision_due_on: DateColumn;
  reflection_ends_on: NullableDate;
}

export interface IntakeReceiptsTable {
  case_id: string;
  code: string;
  organization_id: string;
  recorded_by: string;
  recorded_at: GeneratedTimestamp;
}

/** One opening of a case page, timeline or printed summary (0016): insert-only, read by auditors only. */
export interface CaseReadsTable {
  id: Generated<number>;
  case_id: string;
  case_code: string;
  user_id: string;
  organization_id: string;
  view: 'case' | 'timeline' | 'summary';
  read_at: GeneratedTimestamp;
  request_id: string | null;
}

/** A range of case reads whose digest an audit chain event carries (0016). */
export interface CaseReadSealsTable {
  to_id: number;
  from_id: number;
  reads: number;
  digest: string;
  sealed_at: GeneratedTimestamp;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  kind: string;
  occurred_at: GeneratedTimestamp;
  actor_user_id: string | null;
  organization_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface CaseWorkersTable {
  case_id: string;
  user_id: string;
  named_by: string | null;
  named_at: GeneratedTimestamp;
}

export interface CaseConsentsTable {
  id: string;
  case_id: string;
  scope: 'processing' | 'referral' | 'police_sharing';
  organization_id: string | null;
  given: boolean;
  method: 'written' | 'oral' | 'by_guardian';
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
}

export interface AnonymousNotificationsTable {
  id: string;
  organization_id: string;
  region_id: number;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
  contact_date: DateColumn;
  referral_source: string;
  meeting_context: string;
  sex: string;
  age_group: 'child' | 'adult' | 'unknown';
  citizenship: string;
  exploitation_forms: Generated<string[]>;
  trafficking_scope: 'internal' | 'cross_border' | null;
}

export interface ScreeningQuestionnairesTable {
  id: string;
  audience: 'adult' | 'child';
  version: number;
  title: string;
  definition: ColumnType<unknown, string, string>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface CaseScreeningsTable {
  id: string;
  case_id: string;
  questionnaire_id: string;
  interviewed_on: DateColumn;
  recorded_by: string | null;
  organization_id: string;
  recorded_at: GeneratedTimestamp;
  assessment: ColumnType<unknown, string, string>;
}

export interface ScreeningObservationsTable {
  screening_id: string;
  indicator_code: string;
  answer: 'yes' | 'no' | 'unknown';
  note: string | null;
}

export interface IdentificationDecisionsTable {
  id: string;
  case_id: string;
  organization_id: string;
  decided_by: string | null;
  decided_at: GeneratedTimestamp;
  outcome: 'identified' | 'not_identified' | 'pending';
  exploitation_forms: string[];
  trafficking_scope: 'internal' | 'cross_border' | null;
  reasons: string;
  reviews_decision_id: string | null;
}

export interface CaseReferralsTable {
  id: string;
  case_id: string;
  from_organization_id: string;
  to_organization_id: string;
  service_types: string[];
  reason: string;
  requested_by: string | null;
  requested_at: GeneratedTimestamp;
  status: Generated<'pending' | 'accepted' | 'declined' | 'withdrawn'>;
  responded_by: string | null;
  responded_at: NullableTimestamp;
  decline_reason: string | null;
  placement: Generated<boolean>;
  placement_from: NullableDate;
  placement_to: NullableDate;
  consent_overridden: Generated<boolean>;
  override_reason: string | null;
}

export interface CaseServicesTable {
  id: string;
  case_id: string;
  service_type: string;
  provider_organization_id: string;
  referral_id: string | null;
  status: 'planned' | 'in_progress' | 'delivered' | 'cancelled';
  planned_from: NullableDate;
  planned_to: NullableDate;
  delivered_on: NullableDate;
  notes: string | null;
  recorded_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface CaseMigrationStatusTable {
  case_id: string;
  documents_status: 'held' | 'missing' | 'withheld_by_exploiter' | 'with_authorities' | 'unknown';
  reflection_days: number;
  stay_until_court_ruling: boolean;
  non_punishment: boolean;
  non_punishment_note: string | null;
  registration_extended_until: NullableDate;
  residence_permit_until: NullableDate;
  work_permit_until: NullableDate;
  return_status: 'none' | 'requested' | 'with_consulate' | 'with_iom' | 'completed';
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface CaseChildProtectionTable {
  case_id: string;
  guardian_kind: 'none_yet' | 'parent' | 'guardian' | 'legal_representative' | 'guardianship_authority';
  guardian_organization_id: string | null;
  best_interests_assessed_on: NullableDate;
  best_interests_summary: string | null;
  placement_organization_id: string | null;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface CaseFollowUpsTable {
  id: string;
  case_id: string;
  contacted_on: DateColumn;
  method: 'visit' | 'phone' | 'message' | 'office';
  note: string;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
}

export interface CommissionsTable {
  id: Generated<string>;
  level: 'national' | 'regional';
  akimat_organization_id: string | null;
  name_ru: string;
  name_kk: string;
  name_en: string;
  established_on: string;
  notice_days: Generated<number>;
  rotation_first_organization_id: string | null;
  rotation_second_organization_id: string | null;
  rotation_years: Generated<number>;
  decisions_plan_id: string;
  created_at: GeneratedTimestamp;
}

export type CommissionMemberKind = 'state_body' | 'ngo' | 'observer' | 'international';

export interface CommissionMembersTable {
  id: Generated<string>;
  commission_id: string;
  organization_id: string;
  kind: CommissionMemberKind;
  member_from: string;
  member_to: string | null;
}

export interface CommissionWorkingBodiesTable {
  id: Generated<string>;
  commission_id: string;
  organization_id: string;
  period_from: string;
  period_to: string | null;
}

export type CommissionMeetingStatus = 'scheduled' | 'held' | 'cancelled';

export interface CommissionMeetingsTable {
  id: Generated<string>;
  commission_id: string;
  number: number;
  meeting_date: string;
  place: string;
  agenda: string[];
  status: Generated<CommissionMeetingStatus>;
  minutes: string | null;
  minutes_published: Generated<boolean>;
  minutes_recorded_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
}

export interface CommissionNoticesTable {
  meeting_id: string;
  organization_id: string;
  sent_at: GeneratedTimestamp;
  sent_by: string | null;
}

export interface CommissionReportsTable {
  id: Generated<string>;
  commission_id: string;
  reporting_date: string;
  language: 'ru' | 'en';
  content: Uint8Array;
  size_bytes: number;
  published_at: GeneratedTimestamp;
  published_by: string | null;
}

export interface CommissionDecisionsTable {
  measure_id: string;
  meeting_id: string;
  position: number;
}

export interface KeyRotationsTable {
  id: Generated<number>;
  old_key_id: string;
  new_key_id: string;
  state: Generated<'running' | 'finished'>;
  persons_done: Generated<number>;
  users_done: Generated<number>;
  batches: Generated<number>;
  started_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  finished_at: NullableTimestamp;
}

export type CodeEdition = '1997' | '2014';

export type ProceedingStageColumn =
  | 'registered'
  | 'pre_trial_investigation'
  | 'suspended_perpetrator_unknown'
  | 'discontinued_non_rehabilitating'
  | 'discontinued_rehabilitating'
  | 'sent_to_court'
  | 'first_instance_verdict'
  | 'appeal'
  | 'cassation'
  | 'final';

export interface CriminalProceedingsTable {
  id: string;
  register_number: string;
  registered_on: string;
  code_edition: CodeEdition;
  registering_organization_id: string;
  investigating_organization_id: string;
  investigating_unit: 'criminal_police' | 'migration_police' | 'juvenile_police' | 'border_service' | null;
  region_id: number;
  investigator_user_id: string | null;
  stage: Generated<ProceedingStageColumn>;
  stage_since: string;
  last_movement_at: GeneratedTimestamp;
  source: Generated<'entered' | 'imported'>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ProceedingStageChangesTable {
  id: Generated<number>;
  proceeding_id: string;
  stage: ProceedingStageColumn;
  occurred_on: string;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
}

export interface ProceedingQualificationsTable {
  id: Generated<number>;
  proceeding_id: string;
  sequence: number;
  decided_on: string;
  phase: 'registration' | 'investigation' | 'indictment' | 'court';
  reason: string | null;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
}

export interface ProceedingQualificationArticlesTable {
  qualification_id: number;
  article_id: number;
  part: string | null;
  paragraph: string | null;
}

export type ProceduralStatusColumn = 'victim' | 'witness' | 'suspect' | 'accused';

export interface ProceedingCasesTable {
  proceeding_id: string;
  case_id: string;
  procedural_status: ProceduralStatusColumn;
  non_punishment_review: 'pending' | 'applied' | 'not_applicable' | null;
  non_punishment_note: string | null;
  linked_by: string | null;
  linked_at: GeneratedTimestamp;
}

export interface ProceedingDefendantsTable {
  id: string;
  proceeding_id: string;
  sealed_identity: string | null;
  key_id: string | null;
  sex: 'female' | 'male' | 'unknown';
  age_years: number | null;
  citizenship: string;
  organized_group: Generated<boolean>;
  role: 'organizer' | 'perpetrator' | 'accomplice' | 'instigator' | 'other';
  procedural_status: 'suspect' | 'accused';
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DefendantVerdictsTable {
  id: Generated<number>;
  defendant_id: string;
  instance: 'first_instance' | 'appeal' | 'cassation';
  decided_on: string;
  outcome: 'convicted' | 'acquitted' | 'dismissed';
  conviction_article_id: number | null;
  conviction_part: string | null;
  sentence_kind: 'imprisonment' | 'suspended' | 'restricted_freedom' | 'fine' | null;
  sentence_months: number | null;
  fine_tenge: number | null;
  confiscation: Generated<boolean>;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
}

export type DecisionColumn = 'pending' | 'granted' | 'refused';

export interface StateProtectionsTable {
  id: string;
  proceeding_id: string;
  case_id: string;
  requested_on: string;
  decision: Generated<DecisionColumn>;
  decided_on: string | null;
  measures: Generated<string[]>;
  starts_on: string | null;
  ends_on: string | null;
  refusal_reason: string | null;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}


export interface CivilClaimsTable {
  id: string;
  proceeding_id: string;
  case_id: string;
  claimed_tenge: number;
  claimed_on: string;
  awarded_tenge: number | null;
  awarded_on: string | null;
  paid_tenge: number | null;
  paid_on: string | null;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface MonthlyCalculationIndicesTable {
  year: number;
  value_tenge: number;
}

export interface FundCompensationsTable {
  id: string;
  case_id: string;
  proceeding_id: string | null;
  applied_on: string;
  decision: Generated<DecisionColumn>;
  decided_on: string | null;
  /** numeric(10,2): the driver returns it as a string. */
  amount_mci: ColumnType<string | null, string | number | null, string | number | null>;
  mci_year: number | null;
  amount_tenge: number | null;
  paid_on: string | null;
  refusal_reason: string | null;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface Database {
  senim_migrations: SenimMigrationsTable;
  regions: RegionsTable;
  region_names: RegionNamesTable;
  region_successions: RegionSuccessionsTable;
  organizations: OrganizationsTable;
  organization_regions: OrganizationRegionsTable;
  organization_confidential_addresses: OrganizationConfidentialAddressesTable;
  criminal_code_articles: CriminalCodeArticlesTable;
  criminal_code_article_mappings: CriminalCodeArticleMappingsTable;
  users: UsersTable;
  key_rotations: KeyRotationsTable;
  user_roles: UserRolesTable;
  user_regions: UserRegionsTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  persons: PersonsTable;
  person_identity_versions: PersonIdentityVersionsTable;
  person_lookup_digests: PersonLookupDigestsTable;
  person_involvements: PersonInvolvementsTable;
  organization_services: OrganizationServicesTable;
  nrm_cases: NrmCasesTable;
  intake_receipts: IntakeReceiptsTable;
  case_events: CaseEventsTable;
  case_reads: CaseReadsTable;
  case_read_seals: CaseReadSealsTable;
  case_workers: CaseWorkersTable;
  case_consents: CaseConsentsTable;
  anonymous_notifications: AnonymousNotificationsTable;
  screening_questionnaires: ScreeningQuestionnairesTable;
  case_screenings: CaseScreeningsTable;
  screening_observations: ScreeningObservationsTable;
  identification_decisions: IdentificationDecisionsTable;
  case_referrals: CaseReferralsTable;
  case_services: CaseServicesTable;
  case_migration_status: CaseMigrationStatusTable;
  case_child_protection: CaseChildProtectionTable;
  case_follow_ups: CaseFollowUpsTable;
  action_plans: ActionPlansTable;
  commissions: CommissionsTable;
  commission_members: CommissionMembersTable;
  commission_working_bodies: CommissionWorkingBodiesTable;
  commission_meetings: CommissionMeetingsTable;
  commission_notices: CommissionNoticesTable;
  commission_decisions: CommissionDecisionsTable;
  commission_reports: CommissionReportsTable;
  plan_measures: PlanMeasuresTable;
  plan_measure_bodies: PlanMeasureBodiesTable;
  plan_reports: PlanReportsTable;
  plan_report_steps: PlanReportStepsTable;
  plan_report_attachments: PlanReportAttachmentsTable;
  criminal_proceedings: CriminalProceedingsTable;
  proceeding_stage_changes: ProceedingStageChangesTable;
  proceeding_qualifications: ProceedingQualificationsTable;
  proceeding_qualification_articles: ProceedingQualificationArticlesTable;
  proceeding_cases: ProceedingCasesTable;
  proceeding_defendants: ProceedingDefendantsTable;
  defendant_verdicts: DefendantVerdictsTable;
  state_protections: StateProtectionsTable;
  civil_claims: CivilClaimsTable;
  monthly_calculation_indices: MonthlyCalculationIndicesTable;
  fund_compensations: FundCompensationsTable;
}
