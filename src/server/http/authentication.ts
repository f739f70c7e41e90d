import type { FastifyReply, FastifyRequest } from 'fastify';
import { scopeOf } from '../../shared/permissions.js';
import type { SenimDatabase } from '../db/database.js';
import { recordAuditAlone } from '../platform/audit.js';
import { CSRF_HEADER, resolveSession, SESSION_COOKIE, sameSecret, type SessionTimeouts } from '../platform/session.js';
import type { VaultKeys } from '../platform/vault/data-key.js';
import { problemOf, sendProblem } from './problem.js';
import { describeAccess, originOf } from './route-access.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before body parsing and validation, so that an anonymous caller gets
 * 401 and a caller without the right gets 403 whatever the input looks like.
 */
export function createAuthenticationHook(deps: { database: SenimDatabase; timeouts: SessionTimeouts; vaultKeys: VaultKeys }) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') {
      return undefined;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) {
      return sendProblem(reply, problemOf(request, 'unauthenticated', 'Sign in to use this operation'));
    }
    const lookup = await resolveSession(deps.database.db, deps.vaultKeys, token, deps.timeouts);
    if (lookup.kind !== 'valid') {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const expired = lookup.kind === 'ended' && lookup.reason !== 'ended';
      const detail = expired ? 'Your session has expired; sign in again' : 'Sign in to use this operation';
      return sendProblem(reply, problemOf(request, 'unauthenticated', detail, [], expired ? { reason: 'session_expired' } : {}));
    }
    const { session } = lookup;
    request.actor = session.actor;
    request.sessionMfa = session.mfaStatus;
    request.sessionCsrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        return sendProblem(reply, problemOf(request, 'forbidden', `Missing or wrong ${CSRF_HEADER} header`, [], { reason: 'csrf_token' }));
      }
    }
    const mfaDone = session.mfaStatus === 'none' || session.mfaStatus === 'complete';
    if (access !== 'mfa-pending' && !mfaDone) {
      return sendProblem(reply, problemOf(request, 'unauthenticated', 'Finish signing in with the code from your authenticator app', [], { reason: 'mfa_pending' }));
    }
    // A password an administrator handed over is known to two people: nothing works until the user replaces it.
    if (session.passwordChangeRequired && access !== 'mfa-pending' && request.routeOptions.config.beforePasswordChange !== true) {
      return sendProblem(
        reply,
        problemOf(request, 'forbidden', 'Set a new password first: yours was reset by an administrator', [], { reason: 'password_change_required' }),
      );
    }
    if (typeof access === 'object' && scopeOf(session.actor.roles, access.permission) === null) {
      await recordAuditAlone(deps.database.db, {
        actor: session.actor,
        action: 'access.denied',
        outcome: 'denied',
        origin: originOf(request),
        details: { route: `${request.method} ${request.routeOptions.url ?? ''}`, access: describeAccess(access) },
      });
      return sendProblem(reply, problemOf(request, 'forbidden', `Your roles do not allow ${access.permission}`));
    }
    return undefined;
  };
}
