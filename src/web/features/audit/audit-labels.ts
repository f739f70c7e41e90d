// Labels for the action and record type codes the server writes today. A code
// added later still shows, as itself, until it gets a label here.

export const actionLabel = {
  'access.denied': 'auditActions.accessDenied',
  'audit.searched': 'auditActions.auditSearched',
  'auth.mfa_enrolled': 'auditActions.authMfaEnrolled',
  'auth.mfa_failed': 'auditActions.authMfaFailed',
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
