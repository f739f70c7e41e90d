import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { SenimDatabase } from '../db/database.js';
import { registerReferenceRoutes } from '../modules/reference/reference.routes.js';
import { registerHealthRoutes } from '../modules/system/health.routes.js';
import type { Actor } from '../platform/actor.js';
import { SENIM_VERSION } from '../version.js';
import { handleError, problemOf, sendProblem } from './problem.js';
import './route-access.js';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
export const SESSION_COOKIE = 'senim_session';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  database: SenimDatabase;
  logger: Logger | false;
  /** Resolves the session behind a request; null for an anonymous caller. */
  authenticate?: (request: FastifyRequest) => Promise<Actor | null>;
  webDistDir?: string;
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
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('actor', null);

  // Routes must declare who may call them; a forgotten declaration fails at start-up, not in production.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) {
      return;
    }
    const access = route.config?.access;
    if (access !== 'public' && access !== 'signed-in') {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    }
    if (access === 'public') {
      route.schema = { ...route.schema, security: [] };
    }
  });

  const authenticate = options.authenticate ?? (async () => null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') {
      return;
    }
    request.actor = await authenticate(request);
    if (!request.actor) {
      return sendProblem(reply, problemOf(request, 'unauthenticated', 'Sign in to use this operation'));
    }
  });

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
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      registerHealthRoutes(api, { database: options.database });
      registerReferenceRoutes(api, { database: options.database });
    },
    { prefix: '/api/v1' },
  );

  const webDistDir = options.webDistDir ?? WEB_DIST_DIR;
  const webBuilt = existsSync(`${webDistDir}/index.html`);
  if (webBuilt) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: ['index.html'] });
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
