// Labels for the action and record type codes the server writes today. A code
// added later still shows, as itself, until it gets a label here.

export const actionLabel = {
  'access.denied': 'auditActions.accessDenied',
  'audit.searched': 'auditActions.auditSearched',
  'auth.mfa_enrolled': 'auditActions.authMfaEnrolled',
  'auth.mfa_failed': 'auditActions.authMfaFailed',
  'auth.password_changed': 'auditActions.authPasswordChanged',
  'user.password_reset': 'auditActions.userPasswordReset',
  'sessions.purged': 'auditActions.sessionsPurged',
  'auth.mfa_verified': 'auditActions.authMfaVerified',
  'auth.sign_in_failed': 'auditActions.authSignInFailed',
  'auth.sign_in_locked': 'auditActions.authSignInLocked',
  'auth.signed_in': 'auditActions.authSignedIn',
  'auth.signed_out': 'auditActions.authSignedOut',
  'organization.created': 'auditActions.organizationCreated',
  'organization.updated': 'auditActions.organizationUpdated',
  'person.created': 'auditActions.personCreated',
  'person.identity_read': 'auditActions.personIdentityRead',
  'person.identity_updated': 'auditActions.personIdentityUpdated',
  'person.searched': 'auditActions.personSearched',
  'session.revoked': 'auditActions.sessionRevoked',
  'system.bootstrap_admin_created': 'auditActions.systemBootstrapAdminCreated',
  'user.created': 'auditActions.userCreated',
  'user.preferences_updated': 'auditActions.userPreferencesUpdated',
  'user.updated': 'auditActions.userUpdated',
  'person.involvement_granted': 'auditActions.personInvolvementGranted',
  'plan.imported': 'auditActions.planImported',
  'plan.deadline_changed': 'auditActions.planDeadlineChanged',
  'plan_report.saved': 'auditActions.planReportSaved',
  'plan_report.submitted': 'auditActions.planReportSubmitted',
  'plan_report.returned': 'auditActions.planReportReturned',
  'plan_report.accepted': 'auditActions.planReportAccepted',
  'plan_report.attachment_added': 'auditActions.planReportAttachmentAdded',
  'plan_report.attachment_removed': 'auditActions.planReportAttachmentRemoved',
  'plan.next_draft_seeded': 'auditActions.planNextDraftSeeded',
  'plan.confirmed': 'auditActions.planConfirmed',
  'plan.measure_removed': 'auditActions.planMeasureRemoved',
  'commission.created': 'auditActions.commissionCreated',
  'commission.updated': 'auditActions.commissionUpdated',
  'commission.member_added': 'auditActions.commissionMemberAdded',
  'commission.member_left': 'auditActions.commissionMemberLeft',
  'commission.working_body_handed_over': 'auditActions.commissionWorkingBodyHandedOver',
  'commission.meeting_scheduled': 'auditActions.commissionMeetingScheduled',
  'commission.meeting_cancelled': 'auditActions.commissionMeetingCancelled',
  'commission.notice_sent': 'auditActions.commissionNoticeSent',
  'commission.minutes_recorded': 'auditActions.commissionMinutesRecorded',
  'commission.decision_recorded': 'auditActions.commissionDecisionRecorded',
  'commission.report_published': 'auditActions.commissionReportPublished',
  'case.created': 'auditActions.caseCreated',
  'case.consent_recorded': 'auditActions.caseConsentRecorded',
  'case.consent_withdrawn': 'auditActions.caseConsentWithdrawn',
  'case.screened': 'auditActions.caseScreened',
  'case.identification_decided': 'auditActions.caseIdentificationDecided',
  'case.referral_requested': 'auditActions.caseReferralRequested',
  'case.referral_consent_overridden': 'auditActions.caseReferralConsentOverridden',
  'case.referral_accepted': 'auditActions.caseReferralAccepted',
  'case.referral_declined': 'auditActions.caseReferralDeclined',
  'case.service_recorded': 'auditActions.caseServiceRecorded',
  'case.service_updated': 'auditActions.caseServiceUpdated',
  'case.migration_status_updated': 'auditActions.caseMigrationStatusUpdated',
  'case.child_protection_updated': 'auditActions.caseChildProtectionUpdated',
  'case.worker_named': 'auditActions.caseWorkerNamed',
  'case.closed': 'auditActions.caseClosed',
  'case.follow_up_recorded': 'auditActions.caseFollowUpRecorded',
  'case.reopened': 'auditActions.caseReopened',
  'case.summary_printed': 'auditActions.caseSummaryPrinted',
  'case.reads_sealed': 'auditActions.caseReadsSealed',
  'notification.filed': 'auditActions.notificationFiled',
  'screening.questionnaire_published': 'auditActions.screeningQuestionnairePublished',
  'proceeding.imported': 'auditActions.proceedingImported',
  'proceeding.registered': 'auditActions.proceedingRegistered',
  'proceeding.stage_changed': 'auditActions.proceedingStageChanged',
  'proceeding.requalified': 'auditActions.proceedingRequalified',
  'proceeding.case_linked': 'auditActions.proceedingCaseLinked',
  'proceeding.case_link_updated': 'auditActions.proceedingCaseLinkUpdated',
  'proceeding.protection_recorded': 'auditActions.proceedingProtectionRecorded',
  'proceeding.protection_updated': 'auditActions.proceedingProtectionUpdated',
  'defendant.recorded': 'auditActions.defendantRecorded',
  'defendant.updated': 'auditActions.defendantUpdated',
  'defendant.identity_read': 'auditActions.defendantIdentityRead',
  'defendant.verdict_recorded': 'auditActions.defendantVerdictRecorded',
  'case.civil_claim_recorded': 'auditActions.caseCivilClaimRecorded',
  'case.civil_claim_updated': 'auditActions.caseCivilClaimUpdated',
  'case.fund_compensation_recorded': 'auditActions.caseFundCompensationRecorded',
  'case.fund_compensation_updated': 'auditActions.caseFundCompensationUpdated',
} as const;

export type KnownAction = keyof typeof actionLabel;

export const knownActions = Object.keys(actionLabel) as KnownAction[];

export function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(actionLabel, action);
}

export const recordTypeLabel = {
  user: 'auditRecordTypes.user',
  session: 'auditRecordTypes.session',
  organization: 'auditRecordTypes.organization',
  person: 'auditRecordTypes.person',
  action_plan: 'auditRecordTypes.action_plan',
  anonymous_notification: 'auditRecordTypes.anonymous_notification',
  case: 'auditRecordTypes.case',
  commission: 'auditRecordTypes.commission',
  commission_meeting: 'auditRecordTypes.commission_meeting',
  commission_member: 'auditRecordTypes.commission_member',
  commission_report: 'auditRecordTypes.commission_report',
  plan_measure: 'auditRecordTypes.plan_measure',
  plan_report: 'auditRecordTypes.plan_report',
  screening_questionnaire: 'auditRecordTypes.screening_questionnaire',
  criminal_proceeding: 'auditRecordTypes.criminal_proceeding',
  defendant: 'auditRecordTypes.defendant',
} as const;

export type KnownRecordType = keyof typeof recordTypeLabel;

export const knownRecordTypes = Object.keys(recordTypeLabel) as KnownRecordType[];

export function isKnownRecordType(recordType: string): recordType is KnownRecordType {
  return Object.hasOwn(recordTypeLabel, recordType);
}

export const outcomeLabel = {
  success: 'audit.outcomeSuccess',
  denied: 'audit.outcomeDenied',
  failure: 'audit.outcomeFailure',
} as const;
