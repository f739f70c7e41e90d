import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createDefendantRequestSchema,
  defendantIdentityQuerySchema,
  defendantIdentityRecordSchema,
  defendantListSchema,
  defendantParamsSchema,
  defendantSchema,
  updateDefendantRequestSchema,
  verdictRecordedSchema,
  verdictRequestSchema,
} from '../../../shared/defendant.schemas.js';
import { idParamsSchema } from '../../../shared/directory.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { listDefendants, readDefendantIdentity, recordDefendant, recordVerdict, updateDefendantFacts } from './defendant.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['criminal justice'];

export function registerDefendantRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/proceedings/:id/defendants',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Record a suspect or accused: coarse facts in clear, the identity (if known) sealed in the vault',
        tags,
        params: idParamsSchema,
        body: createDefendantRequestSchema,
        response: { 201: defendantSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordDefendant({ context, actor: actorOf(request), proceedingId: request.params.id, defendant: request.body, origin: originOf(request) })),
  );

  api.get(
    '/proceedings/:id/defendants',
    {
      config: { access: { permission: 'proceedings.read' } },
      schema: {
        summary: 'The defendants of a proceeding: coarse facts and verdicts, no identity',
        tags,
        params: idParamsSchema,
        response: { 200: defendantListSchema, ...problems },
      },
    },
    async (request) => listDefendants({ context, actor: actorOf(request), proceedingId: request.params.id }),
  );

  api.patch(
    '/proceedings/:id/defendants/:defendantId',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Change a defendant’s coarse facts or procedural status; an identity given replaces the sealed one',
        tags,
        params: defendantParamsSchema,
        body: updateDefendantRequestSchema,
        response: { 200: defendantSchema, ...problems },
      },
    },
    async (request) =>
      updateDefendantFacts({
        context,
        actor: actorOf(request),
        proceedingId: request.params.id,
        defendantId: request.params.defendantId,
        changes: request.body,
        origin: originOf(request),
      }),
  );

  api.get(
    '/proceedings/:id/defendants/:defendantId/identity',
    {
      config: { access: { permission: 'proceedings.read' } },
      schema: {
        summary: 'Open a defendant’s sealed identity (audited, with the purpose given)',
        tags,
        params: defendantParamsSchema,
        querystring: defendantIdentityQuerySchema,
        response: { 200: defendantIdentityRecordSchema, ...problems },
      },
    },
    async (request) =>
      readDefendantIdentity({
        context,
        actor: actorOf(request),
        proceedingId: request.params.id,
        defendantId: request.params.defendantId,
        purpose: request.query.purpose,
        origin: originOf(request),
      }),
  );

  api.post(
    '/proceedings/:id/defendants/:defendantId/verdicts',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Record a court’s verdict on a defendant; an appeal or cassation adds one, the latest is in force',
        tags,
        params: defendantParamsSchema,
        body: verdictRequestSchema,
        response: { 201: verdictRecordedSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await recordVerdict({
          context,
          actor: actorOf(request),
          proceedingId: request.params.id,
          defendantId: request.params.defendantId,
          verdict: request.body,
          origin: originOf(request),
        }),
      ),
  );
}
