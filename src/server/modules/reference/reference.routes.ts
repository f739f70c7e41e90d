import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginationQuerySchema, problemSchema } from '../../../shared/http.schemas.js';
import {
  criminalCodeArticleListQuerySchema,
  criminalCodeArticlePageSchema,
  organizationListQuerySchema,
  organizationPageSchema,
  organizationSchema,
  regionCodeParamsSchema,
  regionListQuerySchema,
  regionPageSchema,
  regionSchema,
  stateBodyPageSchema,
} from '../../../shared/reference.schemas.js';
import { idParamsSchema } from '../../../shared/directory.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import { getOrganization, getRegion, listCriminalCodeArticles, listOrganizations, listRegions, listStateBodies } from './reference.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export function registerReferenceRoutes(app: FastifyInstance, deps: { database: SenimDatabase }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;

  api.get(
    '/reference/regions',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Regions and cities of republican significance',
        tags: ['reference'],
        querystring: regionListQuerySchema,
        response: { 200: regionPageSchema, 400: problemSchema },
      },
    },
    async (request) => listRegions({ database, query: request.query }),
  );

  api.get(
    '/reference/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One region with its name history',
        tags: ['reference'],
        params: regionCodeParamsSchema,
        querystring: z.object({ on: regionListQuerySchema.shape.on }),
        response: { 200: regionSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => getRegion({ database, code: request.params.code, on: request.query.on }),
  );

  api.get(
    '/reference/state-bodies',
    {
      config: { access: 'public' },
      schema: {
        summary: 'State bodies taking part in the response to trafficking',
        tags: ['reference'],
        querystring: paginationQuerySchema,
        response: { 200: stateBodyPageSchema, 400: problemSchema },
      },
    },
    async (request) => listStateBodies({ database, query: request.query }),
  );

  api.get(
    '/reference/organizations',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Organizations of every kind with the regions they serve (never a shelter address)',
        tags: ['reference'],
        querystring: organizationListQuerySchema,
        response: { 200: organizationPageSchema, ...errors },
      },
    },
    async (request) => listOrganizations({ database, query: request.query }),
  );

  api.get(
    '/reference/organizations/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'One organization with the regions it serves (never a shelter address)',
        tags: ['reference'],
        params: idParamsSchema,
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (request) => getOrganization({ database, id: request.params.id }),
  );

  api.get(
    '/reference/criminal-code/articles',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Criminal Code articles of both editions (1997 and 2014) with their correspondence',
        tags: ['reference'],
        querystring: criminalCodeArticleListQuerySchema,
        response: { 200: criminalCodeArticlePageSchema, 400: problemSchema },
      },
    },
    async (request) => listCriminalCodeArticles({ database, query: request.query }),
  );
}
