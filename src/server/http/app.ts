import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { TrustProxy } from '../config.js';
import type { DemoLoad } from '../../shared/system.schemas.js';
import type { SenimDatabase } from '../db/database.js';
import { responseSerializerCompiler } from './response-serializer.js';
import { registerReferenceRoutes } from '../modules/reference/reference.routes.js';
import { registerHealthRoutes } from '../modules/system/health.routes.js';
import { registerPlanRoutes } from '../modules/action-plan/plan.routes.js';
import { registerCommissionRoutes } from '../modules/commission/commission.routes.js';
import { registerJusticeStatisticsRoutes } from '../modules/justice/justice-statistics.routes.js';
import { registerAuditRoutes } from '../modules/audit/audit.routes.js';
import { registerAuthRoutes } from '../modules/auth/auth.routes.js';
import { registerDirectoryRoutes } from '../modules/directory/directory.routes.js';
import { registerPersonRoutes } from '../modules/persons/person.routes.js';
import { defaultReferralRules, type ReferralRules } from '../modules/cases/case-pathway.js';
import { registerCaseRoutes } from '../modules/cases/case.routes.js';
import { registerProceedingRoutes } from '../modules/justice/proceeding.routes.js';
import { registerCaseJusticeRoutes } from '../modules/justice/case-justice.routes.js';
import { registerDefendantRoutes } from '../modules/justice/defendant.routes.js';
import { defaultSessionTimeouts, SESSION_COOKIE, type SessionTimeouts } from '../platform/session.js';
import type { VaultKeys } from '../platform/vault/data-key.js';
import { SENIM_VERSION } from '../version.js';
import { createAuthenticationHook } from './authentication.js';
import { answerClientError, answerFrameworkError, forbidStoringApiAnswers } from './http-hygiene.js';
import { handleError, problemOf, sendProblem } from './problem.js';
import { rejectInvalidText } from './text-validity.js';
import { describeAccess } from './route-access.js';
import { registerStaticFiles } from './static-files.js';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  database: SenimDatabase;
  logger: Logger | false;
  vaultKeys: VaultKeys;
  sessionTimeouts?: SessionTimeouts;
  referralRules?: ReferralRules;
  webDistDir?: string;
  /** How far the demo data this start loads in the background have come (health reports it); none by default. */
  demoLoadStatus?: () => DemoLoad | null;
  /** Whose X-Forwarded-* to believe (client address for lock-outs and the audit trail, https): none, or the proxies' addresses/CIDRs. */
  trustProxy?: TrustProxy;
  /** The address users open (SENIM_PUBLIC_URL): when https, the session cookie is Secure whatever the proxy says. */
  publicUrl?: string | null;
}

/** What route modules get: the database, the vault keys and the session rules. */
export interface AppContext {
  database: SenimDatabase;
  vaultKeys: VaultKeys;
  sessionTimeouts: SessionTimeouts;
  referralRules: ReferralRules;
  /** The public address is https: the session cookie never travels over plain http. Absent outside the HTTP server (CLI, seeding). */
  secureCookies?: boolean;
}

export type SenimApp = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<SenimApp> {
  // Typed as Fastify's base logger so that the app keeps Fastify's default instance type.
  const loggerInstance: FastifyBaseLogger | undefined = options.logger === false ? undefined : options.logger;
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    genReqId: () => randomUUID(),
    // A client-chosen id could forge or flood log lines: ours is generated.
    requestIdHeader: false,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 200 },
    // Errors raised before any route runs answer application/problem+json too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionMfa', null);
  app.decorateRequest('sessionCsrfToken', null);
  await app.register(fastifyCookie);
  // A page of this system must never be framed, sniffed or leak its address to another site.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Plain-http installations on a closed network must keep working; TLS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  const context: AppContext = {
    database: options.database,
    vaultKeys: options.vaultKeys,
    sessionTimeouts: options.sessionTimeouts ?? defaultSessionTimeouts,
    referralRules: options.referralRules ?? defaultReferralRules,
    secureCookies: options.publicUrl?.toLowerCase().startsWith('https://') ?? false,
  };

  // Routes must declare who may call them; a forgotten declaration fails at start-up, not in production.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) {
      return;
    }
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    }
    // The access rule travels in the OpenAPI document, where the access-matrix test reads it.
    route.schema = {
      ...route.schema,
      ...(access === 'public' ? { security: [] } : {}),
      'x-senim-access': describeAccess(access),
    } as typeof route.schema;
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onRequest', forbidStoringApiAnswers);
  app.addHook('onRequest', createAuthenticationHook({ database: options.database, timeouts: context.sessionTimeouts, vaultKeys: context.vaultKeys }));
  // Before every route's own validation: text PostgreSQL would change or refuse never gets further.
  app.addHook('preValidation', rejectInvalidText);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Senim API',
        version: SENIM_VERSION,
        description:
          'Senim: information system for the response to trafficking in human beings. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      registerHealthRoutes(api, { database: context.database, demoLoadStatus: options.demoLoadStatus ?? (() => null) });
      registerReferenceRoutes(api, context);
      registerAuthRoutes(api, context);
      registerDirectoryRoutes(api, context);
      registerPersonRoutes(api, context);
      registerCaseRoutes(api, context);
      registerAuditRoutes(api, context);
      registerPlanRoutes(api, context);
      registerCommissionRoutes(api, context);
      registerProceedingRoutes(api, context);
      registerJusticeStatisticsRoutes(api, context);
      registerCaseJusticeRoutes(api, context);
      registerDefendantRoutes(api, context);
    },
    { prefix: '/api/v1' },
  );

  const webDistDir = options.webDistDir ?? WEB_DIST_DIR;
  const webBuilt = existsSync(`${webDistDir}/index.html`);
  if (webBuilt) {
    await registerStaticFiles(app, webDistDir);
  } else {
    app.log.warn({ webDistDir }, 'the web UI is not built (npm run build:web); only the API is served');
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/');
    // Client-side routes of the single-page app all load index.html.
    if (!isApi && webBuilt && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, problemOf(request, 'route_not_found', `No route ${request.method} ${path}`));
  });

  return app;
}
