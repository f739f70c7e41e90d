import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../shared/permissions.js';
import { AppError } from '../../shared/errors.js';
import type { RequestOrigin, UserActor } from '../platform/actor.js';
import type { MfaStatus } from '../db/schema.js';

/**
 * Every API route says who may call it:
 * - 'public': anyone; marked with `security: []` in the OpenAPI document;
 * - 'mfa-pending': a session that may still owe its second factor (the MFA step, sign-out);
 * - 'signed-in': any fully signed-in user (their own profile);
 * - { permission }: a signed-in user whose roles grant the permission. How far
 *   it reaches (own, organization, involved, all) is decided by the service.
 */
export type RouteAccess = 'public' | 'mfa-pending' | 'signed-in' | { permission: Permission };

export function describeAccess(access: RouteAccess): string {
  return typeof access === 'string' ? access : `permission:${access.permission}`;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The route works while the user still owes a password change (the change itself). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: UserActor | null;
    sessionMfa: MfaStatus | null;
    sessionCsrfToken: string | null;
  }
}

export function actorOf(request: FastifyRequest): UserActor {
  if (!request.actor) {
    throw new AppError('unauthenticated', 'Sign in to use this operation');
  }
  return request.actor;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { requestId: request.id, ip: request.ip };
}
