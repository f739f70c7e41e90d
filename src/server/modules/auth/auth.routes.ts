import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordRequestSchema,
  meSchema,
  mfaEnrolmentSchema,
  mfaRequestSchema,
  okSchema,
  passwordChangedSchema,
  preferencesRequestSchema,
  signInRequestSchema,
  signInResponseSchema,
} from '../../../shared/auth.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { SESSION_COOKIE } from '../../platform/session.js';
import { completeMfa, confirmMfaEnrolment, readMe, signIn, signOut, startMfaEnrolment, updatePreferences } from './auth.service.js';
import { changeOwnPassword } from './password.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema, 429: problemSchema };

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, input: { token: string; maxAgeSeconds: number; secure: boolean }): void {
  const { token, maxAgeSeconds } = input;
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // A public https address decides, not how this one request arrived: a proxy
    // that forgets X-Forwarded-Proto must not make the cookie travel in clear.
    secure: input.secure || request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function registerAuthRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Sign in with email and password; sets the session cookie',
        tags: ['auth'],
        body: signInRequestSchema,
        response: { 200: signInResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await signIn({
        context,
        email: request.body.email,
        password: request.body.password,
        origin: originOf(request),
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, { token: result.token, maxAgeSeconds: context.sessionTimeouts.absoluteHours * 3600, secure: context.secureCookies ?? false });
      return {
        mfa: result.mfa,
        csrfToken: result.csrfToken,
        ...(result.otpauthUrl ? { otpauthUrl: result.otpauthUrl, otpauthQrSvg: result.otpauthQrSvg } : {}),
      };
    },
  );

  api.post(
    '/auth/mfa',
    {
      config: { access: 'mfa-pending' },
      schema: {
        summary: 'Complete sign-in (and authenticator enrolment) with a TOTP code',
        tags: ['auth'],
        body: mfaRequestSchema,
        response: { 200: okSchema, ...problems },
      },
    },
    async (request) => {
      await completeMfa({ context, actor: actorOf(request), mfaStatus: request.sessionMfa, code: request.body.code, origin: originOf(request) });
      return { ok: true as const };
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { access: 'mfa-pending' },
      schema: { summary: 'End the session', tags: ['auth'], response: { 200: okSchema, ...problems } },
    },
    async (request, reply) => {
      await signOut({ context, actor: actorOf(request), origin: originOf(request) });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  api.get(
    '/me',
    {
      config: { access: 'mfa-pending' },
      schema: {
        summary: 'The signed-in user, organization, roles, regions and session state',
        tags: ['auth'],
        response: { 200: meSchema, ...problems },
      },
    },
    async (request) => readMe({ context, actor: actorOf(request), mfaStatus: request.sessionMfa, csrfToken: request.sessionCsrfToken }),
  );

  api.put(
    '/me/preferences',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: "Save the user's preferences (interface language)",
        tags: ['auth'],
        body: preferencesRequestSchema,
        response: { 200: okSchema, ...problems },
      },
    },
    async (request) => {
      await updatePreferences({ context, actor: actorOf(request), language: request.body.language, origin: originOf(request) });
      return { ok: true as const };
    },
  );

  api.post(
    '/me/password',
    {
      config: { access: 'signed-in', beforePasswordChange: true },
      schema: {
        summary: 'Change your own password (the current one is asked again); your other sessions end',
        tags: ['auth'],
        body: changePasswordRequestSchema,
        response: { 200: passwordChangedSchema, ...problems, 422: problemSchema },
      },
    },
    async (request) => {
      const { sessionsEnded } = await changeOwnPassword({
        context,
        actor: actorOf(request),
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        origin: originOf(request),
      });
      return { ok: true as const, otherSessionsEnded: sessionsEnded };
    },
  );

  api.post(
    '/me/mfa/enrolment',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Start setting up an authenticator app voluntarily (roles that need it enrol at sign-in)',
        tags: ['auth'],
        response: { 200: mfaEnrolmentSchema, ...problems },
      },
    },
    async (request) => startMfaEnrolment({ context, actor: actorOf(request), origin: originOf(request) }),
  );

  api.post(
    '/me/mfa/enrolment/confirm',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Finish setting up the authenticator with a code from it; later sign-ins ask for a code',
        tags: ['auth'],
        body: mfaRequestSchema,
        response: { 200: okSchema, ...problems, 422: problemSchema },
      },
    },
    async (request) => {
      await confirmMfaEnrolment({ context, actor: actorOf(request), code: request.body.code, origin: originOf(request) });
      return { ok: true as const };
    },
  );
}
