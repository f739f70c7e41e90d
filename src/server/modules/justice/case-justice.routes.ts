import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseProceedingListSchema,
  civilClaimParamsSchema,
  civilClaimRequestSchema,
  civilClaimSchema,
  civilClaimUpdateSchema,
  fundCompensationParamsSchema,
  fundCompensationRequestSchema,
  fundCompensationSchema,
  fundCompensationUpdateSchema,
  monthlyCalculationIndexListSchema,
  protectionParamsSchema,
  protectionRequestSchema,
  protectionSchema,
  protectionUpdateSchema,
} from '../../../shared/case-justice.schemas.js';
import { idParamsSchema } from '../../../shared/directory.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { listCaseProceedings } from './case-proceedings.service.js';
import { listMonthlyCalculationIndices, recordCivilClaim, recordFundCompensation, updateCivilClaimRecord, updateFundCompensationRecord } from './compensation.service.js';
import { listProtections, recordProtection, updateProtectionRecord } from './protection.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['criminal justice'];

/** The case's side of criminal justice: its proceedings as its workers see them, state protection, compensation. */
export function registerCaseJusticeRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/cases/:id/proceedings',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        summary: "The criminal proceedings linked to a case: stage, dates, articles, outcome as counts, protection and compensation; never the investigative file or a defendant",
        tags,
        params: idParamsSchema,
        response: { 200: caseProceedingListSchema, ...problems },
      },
    },
    async (request) => listCaseProceedings({ context, actor: actorOf(request), caseId: request.params.id, origin: originOf(request) }),
  );

  api.get(
    '/proceedings/:id/protections',
    {
      config: { access: { permission: 'proceedings.read' } },
      schema: { summary: 'State protection recorded in a proceeding', tags, params: idParamsSchema, response: { 200: z.object({ items: z.array(protectionSchema) }), ...problems } },
    },
    async (request) => listProtections({ context, actor: actorOf(request), proceedingId: request.params.id }),
  );

  api.post(
    '/proceedings/:id/protections',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: {
        summary: 'Record a request for state protection of a person linked to the proceeding, and its decision (Law No. 72-II)',
        tags,
        params: idParamsSchema,
        body: protectionRequestSchema,
        response: { 201: protectionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordProtection({ context, actor: actorOf(request), proceedingId: request.params.id, protection: request.body, origin: originOf(request) })),
  );

  api.patch(
    '/proceedings/:id/protections/:protectionId',
    {
      config: { access: { permission: 'proceedings.manage' } },
      schema: { summary: 'Record the decision on state protection, its measures or their end', tags, params: protectionParamsSchema, body: protectionUpdateSchema, response: { 200: protectionSchema, ...problems } },
    },
    async (request) =>
      updateProtectionRecord({
        context,
        actor: actorOf(request),
        proceedingId: request.params.id,
        protectionId: request.params.protectionId,
        update: request.body,
        origin: originOf(request),
      }),
  );

  api.post(
    '/cases/:id/civil-claims',
    {
      config: { access: { permission: 'cases.compensation.record' } },
      schema: { summary: 'Record the civil claim in a criminal proceeding linked to the case (tenge)', tags, params: idParamsSchema, body: civilClaimRequestSchema, response: { 201: civilClaimSchema, ...problems } },
    },
    async (request, reply) => reply.code(201).send(await recordCivilClaim({ context, actor: actorOf(request), caseId: request.params.id, claim: request.body, origin: originOf(request) })),
  );

  api.patch(
    '/cases/:id/civil-claims/:claimId',
    {
      config: { access: { permission: 'cases.compensation.record' } },
      schema: { summary: 'Record what the court awarded and what was paid on a civil claim', tags, params: civilClaimParamsSchema, body: civilClaimUpdateSchema, response: { 200: civilClaimSchema, ...problems } },
    },
    async (request) =>
      updateCivilClaimRecord({ context, actor: actorOf(request), caseId: request.params.id, claimId: request.params.claimId, update: request.body, origin: originOf(request) }),
  );

  api.post(
    '/cases/:id/fund-compensations',
    {
      config: { access: { permission: 'cases.compensation.record' } },
      schema: {
        summary: 'Record an application to the Victims Compensation Fund; a grant in MCI is converted to tenge at the index of the year of the decision',
        tags,
        params: idParamsSchema,
        body: fundCompensationRequestSchema,
        response: { 201: fundCompensationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordFundCompensation({ context, actor: actorOf(request), caseId: request.params.id, compensation: request.body, origin: originOf(request) })),
  );

  api.patch(
    '/cases/:id/fund-compensations/:compensationId',
    {
      config: { access: { permission: 'cases.compensation.record' } },
      schema: {
        summary: "Record the Fund's decision, the amount granted or the payment",
        tags,
        params: fundCompensationParamsSchema,
        body: fundCompensationUpdateSchema,
        response: { 200: fundCompensationSchema, ...problems },
      },
    },
    async (request) =>
      updateFundCompensationRecord({
        context,
        actor: actorOf(request),
        caseId: request.params.id,
        compensationId: request.params.compensationId,
        update: request.body,
        origin: originOf(request),
      }),
  );

  api.get(
    '/reference/monthly-calculation-indices',
    {
      config: { access: 'signed-in' },
      schema: { summary: 'The monthly calculation index (MCI) by year, in tenge', tags: ['reference'], response: { 200: monthlyCalculationIndexListSchema, 401: problemSchema } },
    },
    async () => listMonthlyCalculationIndices({ context }),
  );
}
