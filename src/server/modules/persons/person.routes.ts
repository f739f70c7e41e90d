import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/directory.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import {
  createPersonRequestSchema,
  identityReadQuerySchema,
  personCreatedSchema,
  personIdentityHistorySchema,
  personIdentityRecordSchema,
  personSearchRequestSchema,
  personSearchResultSchema,
  updateIdentityRequestSchema,
} from '../../../shared/person.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { createPerson, readIdentity, searchPersons, updateIdentity } from './person.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerPersonRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/persons',
    {
      config: { access: { permission: 'persons.identity.write' } },
      schema: {
        summary: 'Record a person; the identity may be empty, partial or declared',
        tags: ['persons'],
        body: createPersonRequestSchema,
        response: { 201: personCreatedSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await createPerson({ context, actor: actorOf(request), identity: request.body.identity, origin: originOf(request) })),
  );

  api.get(
    '/persons/:id/identity',
    {
      config: { access: { permission: 'persons.identity.read' } },
      schema: {
        summary: 'Open the current identity of a person (audited, with the purpose given)',
        tags: ['persons'],
        params: idParamsSchema,
        querystring: identityReadQuerySchema,
        response: { 200: personIdentityRecordSchema, ...problems },
      },
    },
    async (request) => {
      const [current] = await readIdentity({
        context,
        actor: actorOf(request),
        personId: request.params.id,
        purpose: request.query.purpose,
        history: false,
        origin: originOf(request),
      });
      if (!current) {
        throw new AppError('not_found', 'No such person in your reach');
      }
      return current;
    },
  );

  api.get(
    '/persons/:id/identity/versions',
    {
      config: { access: { permission: 'persons.identity.read' } },
      schema: {
        summary: 'Every recorded version of an identity, newest first (audited)',
        tags: ['persons'],
        params: idParamsSchema,
        querystring: identityReadQuerySchema,
        response: { 200: personIdentityHistorySchema, ...problems },
      },
    },
    async (request) => ({
      items: await readIdentity({
        context,
        actor: actorOf(request),
        personId: request.params.id,
        purpose: request.query.purpose,
        history: true,
        origin: originOf(request),
      }),
    }),
  );

  api.put(
    '/persons/:id/identity',
    {
      config: { access: { permission: 'persons.identity.write' } },
      schema: {
        summary: 'Record a new version of the identity; earlier versions are kept',
        tags: ['persons'],
        params: idParamsSchema,
        body: updateIdentityRequestSchema,
        response: { 200: personCreatedSchema, ...problems },
      },
    },
    async (request) =>
      updateIdentity({
        context,
        actor: actorOf(request),
        personId: request.params.id,
        identity: request.body.identity,
        reason: request.body.reason ?? null,
        origin: originOf(request),
      }),
  );

  api.post(
    '/persons/search',
    {
      config: { access: { permission: 'persons.identity.search' } },
      schema: {
        summary: 'Find persons by exact name, document, phone or birth date across spellings (audited); returns ids only',
        tags: ['persons'],
        body: personSearchRequestSchema,
        response: { 200: personSearchResultSchema, ...problems },
      },
    },
    async (request) => searchPersons({ context, actor: actorOf(request), search: request.body, origin: originOf(request) }),
  );
}
