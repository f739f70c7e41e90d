import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema, passwordResetSchema } from '../../../shared/auth.schemas.js';
import {
  createOrganizationRequestSchema,
  createUserRequestSchema,
  idParamsSchema,
  sessionListSchema,
  updateOrganizationRequestSchema,
  updateUserRequestSchema,
  userListQuerySchema,
  userPageSchema,
  userSchema,
} from '../../../shared/directory.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { resetUserPassword } from './password-reset.service.js';
import { createOrganization, createUser, getUser, listSessionsOfUser, listUsers, revokeSession, updateOrganization, updateUser } from './directory.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerDirectoryRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/users',
    {
      config: { access: { permission: 'users.read' } },
      schema: { summary: 'Users in your reach', tags: ['directory'], querystring: userListQuerySchema, response: { 200: userPageSchema, ...problems } },
    },
    async (request) => listUsers({ context, actor: actorOf(request), query: request.query }),
  );

  api.post(
    '/users',
    {
      config: { access: { permission: 'users.manage' } },
      schema: { summary: 'Add a user', tags: ['directory'], body: createUserRequestSchema, response: { 201: userSchema, ...problems } },
    },
    async (request, reply) => {
      const user = await createUser({ context, actor: actorOf(request), request: request.body, origin: originOf(request) });
      return reply.code(201).send(user);
    },
  );

  api.get(
    '/users/:id',
    {
      config: { access: { permission: 'users.read' } },
      schema: { summary: 'One user', tags: ['directory'], params: idParamsSchema, response: { 200: userSchema, ...problems } },
    },
    async (request) => getUser({ context, actor: actorOf(request), userId: request.params.id }),
  );

  api.patch(
    '/users/:id',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        summary: 'Change roles, regions, status or name of a user; reset the authenticator',
        tags: ['directory'],
        params: idParamsSchema,
        body: updateUserRequestSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => updateUser({ context, actor: actorOf(request), userId: request.params.id, request: request.body, origin: originOf(request) }),
  );

  api.post(
    '/users/:id/password-reset',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        summary: "Reset a user's password: a one-time password, shown once, that the user must change at the next sign-in",
        tags: ['directory'],
        params: idParamsSchema,
        response: { 200: passwordResetSchema, ...problems },
      },
    },
    async (request) => resetUserPassword({ context, actor: actorOf(request), userId: request.params.id, origin: originOf(request) }),
  );

  api.get(
    '/users/:id/sessions',
    {
      config: { access: { permission: 'sessions.revoke' } },
      schema: { summary: "A user's sessions, newest first", tags: ['directory'], params: idParamsSchema, response: { 200: sessionListSchema, ...problems } },
    },
    async (request) => listSessionsOfUser({ context, actor: actorOf(request), userId: request.params.id }),
  );

  api.post(
    '/sessions/:id/revoke',
    {
      config: { access: { permission: 'sessions.revoke' } },
      schema: { summary: 'End a session now', tags: ['directory'], params: idParamsSchema, response: { 200: okSchema, ...problems } },
    },
    async (request) => {
      await revokeSession({ context, actor: actorOf(request), sessionId: request.params.id, origin: originOf(request) });
      return { ok: true as const };
    },
  );

  api.post(
    '/organizations',
    {
      config: { access: { permission: 'organizations.manage' } },
      schema: {
        summary: 'Add an organization',
        tags: ['directory'],
        body: createOrganizationRequestSchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) => {
      const created = await createOrganization({ context, actor: actorOf(request), request: request.body, origin: originOf(request) });
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/organizations/:id',
    {
      config: { access: { permission: 'organizations.manage' } },
      schema: {
        summary: 'Change an organization',
        tags: ['directory'],
        params: idParamsSchema,
        body: updateOrganizationRequestSchema,
        response: { 200: okSchema, ...problems },
      },
    },
    async (request) => {
      await updateOrganization({ context, actor: actorOf(request), organizationId: request.params.id, request: request.body, origin: originOf(request) });
      return { ok: true as const };
    },
  );
}
