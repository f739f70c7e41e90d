import type { Role } from '../../shared/permissions.js';

/** Who is acting: a signed-in person, or Senim itself (CLI, seeding, migrations). */
export type Actor = UserActor | SystemActor;

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  organizationId: string;
  /** Whether the organization is a law-enforcement body, which reaches a case only on the person's consent. */
  organizationLawEnforcement: boolean;
  roles: Role[];
  /** Regions the user works in: the user's own list, or else the organization's (empty: nationwide). */
  regionIds: number[];
  sessionId: string;
  language: 'ru' | 'kk' | 'en';
}

export interface SystemActor {
  kind: 'system';
  /** What the system is doing, for the audit trail: 'seed-demo', 'cli:audit-verify'. */
  purpose: string;
}

export function systemActor(purpose: string): SystemActor {
  return { kind: 'system', purpose };
}

/** Where the request came from, for the audit trail. */
export interface RequestOrigin {
  requestId: string | null;
  ip: string | null;
}
