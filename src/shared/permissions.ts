// Who may do what, as data. Each role grants permissions, each with a scope
// saying which records it reaches. Services ask can()/requirePermission() in
// src/server/platform/policy.ts; repos turn the scope into a SQL predicate.

export const roles = [
  'national_administrator',
  'administrator',
  'coordinator',
  'first_responder',
  'case_worker',
  'service_provider',
  'investigator',
  'hotline_operator',
  'analyst',
  'auditor',
  'internal_auditor',
] as const;

export type Role = (typeof roles)[number];

export const permissions = [
  'organizations.manage',
  'users.read',
  'users.manage',
  'sessions.revoke',
  'audit.read',
  'persons.identity.read',
  'persons.identity.write',
  'persons.identity.search',
  'plans.manage',
  'plan_reports.submit',
  'plan_reports.review',
  'commission.read',
  'commission.manage',
  'cases.read',
  'cases.intake',
  'cases.notify',
  'cases.screen',
  'cases.identify',
  'cases.refer',
  'cases.referrals.respond',
  'cases.services.manage',
  'cases.close',
  'cases.consent.override',
  'screening.configure',
  'proceedings.read',
  'proceedings.manage',
  'cases.compensation.record',
  'statistics.read',
] as const;

export type Permission = (typeof permissions)[number];

/**
 * own: records the user created; organization: records of the user's
 * organization; involved: records the user's organization takes part in
 * (referring, identifying, serving); all: every record.
 */
export type Scope = 'own' | 'organization' | 'involved' | 'all';

export const scopeBreadth: Record<Scope, number> = { own: 0, involved: 1, organization: 2, all: 3 };

const identityWork = {
  'persons.identity.read': 'involved',
  'persons.identity.write': 'involved',
  'persons.identity.search': 'involved',
} as const satisfies Partial<Record<Permission, Scope>>;

// Staff of a commission's member organizations, whatever their role, read its
// meetings, agendas, notices and unpublished minutes ('involved': the
// commissions their organization sits on or serves as working body).
const commissionMember = { 'commission.read': 'involved' } as const satisfies Partial<Record<Permission, Scope>>;

export const permissionTable: Record<Role, Partial<Record<Permission, Scope>>> = {
  national_administrator: {
    // Sets up commissions and records the working body the Government appoints.
    'commission.read': 'all',
    'commission.manage': 'all',
    'organizations.manage': 'all',
    'users.read': 'all',
    'users.manage': 'all',
    'sessions.revoke': 'all',
    'screening.configure': 'all',
  },
  administrator: {
    ...commissionMember,
    'users.read': 'organization',
    'users.manage': 'organization',
    'sessions.revoke': 'organization',
  },
  coordinator: {
    ...commissionMember,
    // The coordinator of a commission's working body runs it: members,
    // meetings, notices, minutes and decisions.
    'commission.manage': 'organization',
    'users.read': 'organization',
    // Imports plans its own body coordinates, and edits their deadline rules.
    'plans.manage': 'organization',
    // A coordinator is the focal point of a body: writes its reports, and, in
    // the body that coordinates a plan, returns or accepts everyone's.
    'plan_reports.submit': 'organization',
    'plan_reports.review': 'organization',
  },
  first_responder: {
    ...commissionMember,
    ...identityWork,
    'cases.read': 'involved',
    'cases.intake': 'involved',
    'cases.notify': 'involved',
    'cases.screen': 'involved',
    'cases.refer': 'involved',
  },
  // Identifies victims (where the organization is authorized under the
  // Criteria), plans assistance, and may refer without consent, audited.
  case_worker: {
    ...commissionMember,
    ...identityWork,
    'cases.read': 'involved',
    'cases.intake': 'involved',
    'cases.notify': 'involved',
    'cases.screen': 'involved',
    'cases.identify': 'involved',
    'cases.refer': 'involved',
    'cases.referrals.respond': 'involved',
    'cases.services.manage': 'involved',
    'cases.close': 'involved',
    'cases.consent.override': 'involved',
    // The civil claim and the Victims Compensation Fund's payment, on her case.
    'cases.compensation.record': 'involved',
  },
  // Shelters and service organizations: answer referrals, deliver services,
  // and take in people who come to them directly.
  service_provider: {
    ...commissionMember,
    ...identityWork,
    'cases.read': 'involved',
    'cases.intake': 'involved',
    'cases.screen': 'involved',
    'cases.refer': 'involved',
    'cases.referrals.respond': 'involved',
    'cases.services.manage': 'involved',
    'cases.compensation.record': 'involved',
  },
  // Police see a case only where the person consented to share it with
  // police; the case module narrows 'involved' accordingly for every user of
  // a law-enforcement body.
  //
  // Investigators and prosecutors (any law-enforcement body's staff with this
  // role) keep the criminal proceedings their body registered or investigates,
  // in their regions; the justice module narrows 'organization' by region.
  investigator: {
    ...identityWork,
    ...commissionMember,
    'cases.read': 'involved',
    'cases.intake': 'involved',
    'cases.notify': 'involved',
    'proceedings.read': 'organization',
    'proceedings.manage': 'organization',
  },
  hotline_operator: { ...identityWork, ...commissionMember, 'cases.read': 'involved', 'cases.intake': 'involved', 'cases.notify': 'involved', 'cases.refer': 'involved' },
  // Analysts work on statistics, which never read identifying data. Their
  // statistics span every organization, so only the national administrator
  // grants the role (src/shared/role-grants.ts).
  analyst: { ...commissionMember, 'statistics.read': 'all' },
  // An oversight body's auditor (the Human Rights Commissioner, the
  // prosecutor's office) reads the whole country's trail: who read which
  // victim, with purposes and addresses. Only the national administrator
  // grants it.
  auditor: {
    ...commissionMember,
    'audit.read': 'all',
  },
  // An organization's own internal auditor reads the events its
  // organization's staff caused (the event's actor_organization_id), not
  // what others did with its records. Its administrator may grant it.
  internal_auditor: {
    ...commissionMember,
    'audit.read': 'organization',
  },
};

export const identityPermissions: readonly Permission[] = ['persons.identity.read', 'persons.identity.write', 'persons.identity.search'];

/** The widest scope any of the roles grants for a permission, or null when none grants it. */
export function scopeOf(userRoles: readonly Role[], permission: Permission): Scope | null {
  let widest: Scope | null = null;
  for (const role of userRoles) {
    const scope = permissionTable[role][permission];
    if (scope && (widest === null || scopeBreadth[scope] > scopeBreadth[widest])) {
      widest = scope;
    }
  }
  return widest;
}

/**
 * TOTP is compulsory for every role that can see identifying data of a
 * person, and for administrators, who could otherwise grant themselves such
 * a role with a stolen password.
 */
export function mfaRequiredFor(userRoles: readonly Role[]): boolean {
  return userRoles.some(
    (role) =>
      role === 'national_administrator' ||
      role === 'administrator' ||
      identityPermissions.some((permission) => permissionTable[role][permission] !== undefined),
  );
}
