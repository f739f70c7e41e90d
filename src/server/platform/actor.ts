/** Who is acting: a signed-in person, or Senim itself (CLI, seeding, migrations). */
export type Actor = UserActor | SystemActor;

export interface UserActor {
  kind: 'user';
  userId: string;
  organizationId: string;
  sessionId: string;
}

export interface SystemActor {
  kind: 'system';
  /** What the system is doing, for the audit trail: 'seed-demo', 'cli:migrate'. */
  purpose: string;
}

export function systemActor(purpose: string): SystemActor {
  return { kind: 'system', purpose };
}
