import type { Actor } from '../platform/actor.js';

/**
 * Every API route says who may call it. 'public' routes are marked with
 * `security: []` in the OpenAPI document; every other route needs a session.
 * Finer rules (role, organization, region, case involvement) live in the
 * policy layer and are checked by services.
 */
export type RouteAccess = 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
