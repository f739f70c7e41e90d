import type { z } from 'zod';
import { meSchema, okSchema, passwordChangedSchema, signInResponseSchema } from '../../../shared/auth.schemas.js';
import { getJson, sendJson } from '../../api-client.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';

export type Me = z.infer<typeof meSchema>;
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export interface Credentials {
  email: string;
  password: string;
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return getJson('/api/v1/me', signal === undefined ? { schema: meSchema } : { schema: meSchema, signal });
}

export function postLogin(credentials: Credentials): Promise<SignInResponse> {
  return sendJson('POST', '/api/v1/auth/login', { schema: signInResponseSchema, body: credentials });
}

export async function postMfaCode(code: string): Promise<void> {
  await sendJson('POST', '/api/v1/auth/mfa', { schema: okSchema, body: { code } });
}

export async function postLogout(): Promise<void> {
  await sendJson('POST', '/api/v1/auth/logout', { schema: okSchema });
}

export async function putLanguage(language: UiLanguage): Promise<void> {
  await sendJson('PUT', '/api/v1/me/preferences', { schema: okSchema, body: { language } });
}

/** Resolves to how many of the user's other sessions were ended. */
export async function postPasswordChange(body: { currentPassword: string; newPassword: string }): Promise<number> {
  const result = await sendJson('POST', '/api/v1/me/password', { schema: passwordChangedSchema, body });
  return result.otherSessionsEnded;
}
