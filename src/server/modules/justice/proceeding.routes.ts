import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../shared/http.schemas.js';
import {
  articleListQuerySchema,
  caseLinkSchema,
  caseLinkUpdateRequestSchema,
  codeArticleChoiceListSchema,
  linkCaseRequestSchema,
  proceedingCaseParamsSchema,
  proceedingDetailSchema,
  proceedingIdParamsSchema,
  proceedingListQuerySchema,
  proceedingPageSchema,
  proceedingReceiptSchema,
  proceedingSummarySchema,
  registerProceedingRequestSchema,
  requalificationRequestSchema,
  stageMoveRequestSchema,
} from '../../../shared/proceeding.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import {
  linkCaseToProceeding,
  listArticleChoices,
  listProceedings,
  moveProceedingStage,
  readProceeding,
  registerProceeding,
  requalifyProceeding,
  updateProceedingCaseLink,
} from './proceeding.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['criminal justice'];

export function registerProceedingRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/proceedings/articles',
    {
      config: { access: { permission: 'proceedings.read' } },
      schema: {
        summary: 'The Criminal Code articles a qualification names, with their ids; `on` gives those of the Code in force on a date',
        tags,
        querystring: articleListQuerySchema,
        response: { 200: codeArticleChoiceListSchema, ...problems },
      },
    },
    async (request) => listArticleChoices({ context, actor: actorOf(request), query: request.query }),
  );

  api.post(
    '/proceedings',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Register a criminal proceeding under the Code in force on its date, and link the cases of its victims by code',
        tags,
        body: registerProceedingRequestSchema,
        response: { 201: proceedingReceiptSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await registerProceeding({ context, actor: actorOf(request), request: request.body, origin: originOf(request) })),
  );

  api.get(
    '/proceedings',
    {
      config: { access: { permission: 'proceedings.read' } },
      schema: {
        summary: "My body's proceedings in my regions, filtered, or a worklist: stalled, suspended, awaiting non-punishment review",
        tags,
        querystring: proceedingListQuerySchema,
        response: { 200: proceedingPageSchema, ...problems },
      },
    },
    async (request) => listProceedings({ context, actor: actorOf(request), query: request.query }),
  );

  api.get(
    '/proceedings/:id',
    {
      config: { access: { permission: 'proceedings.read' } },
      schema: {
        summary: 'A proceeding: qualification history, stage history, next stages, linked cases (identity only with consent; reading it is audited)',
        tags,
        params: proceedingIdParamsSchema,
        response: { 200: proceedingDetailSchema, ...problems },
      },
    },
    async (request) => readProceeding({ context, actor: actorOf(request), proceedingId: request.params.id, origin: originOf(request) }),
  );

  api.post(
    '/proceedings/:id/stage',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Move a proceeding to another stage on the date it happened; a move back needs a reason',
        tags,
        params: proceedingIdParamsSchema,
        body: stageMoveRequestSchema,
        response: { 200: proceedingSummarySchema, ...problems },
      },
    },
    async (request) => moveProceedingStage({ context, actor: actorOf(request), proceedingId: request.params.id, move: request.body, origin: originOf(request) }),
  );

  api.post(
    '/proceedings/:id/qualifications',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Re-qualify a proceeding: a new qualification in force from its date, the earlier ones kept',
        tags,
        params: proceedingIdParamsSchema,
        body: requalificationRequestSchema,
        response: { 200: proceedingSummarySchema, ...problems },
      },
    },
    async (request) =>
      requalifyProceeding({ context, actor: actorOf(request), proceedingId: request.params.id, requalification: request.body, origin: originOf(request) }),
  );

  api.post(
    '/proceedings/:id/cases',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Link a case to a proceeding by its code, with the person’s procedural status',
        tags,
        params: proceedingIdParamsSchema,
        body: linkCaseRequestSchema,
        response: { 201: caseLinkSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await linkCaseToProceeding({ context, actor: actorOf(request), proceedingId: request.params.id, link: request.body, origin: originOf(request) })),
  );

  api.patch(
    '/proceedings/:id/cases/:caseId',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Change a linked person’s procedural status, or record the review of the non-punishment principle',
        tags,
        params: proceedingCaseParamsSchema,
        body: caseLinkUpdateRequestSchema,
        response: { 200: caseLinkSchema, ...problems },
      },
    },
    async (request) =>
      updateProceedingCaseLink({
        context,
        actor: actorOf(request),
        proceedingId: request.params.id,
        caseId: request.params.caseId,
        update: request.body,
        origin: originOf(request),
      }),
  );
}
