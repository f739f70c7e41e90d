import type { z } from 'zod';
import { okSchema } from '../../../shared/auth.schemas.js';
import { userSchema, type createUserRequestSchema, type sessionSchema, type updateUserRequestSchema } from '../../../shared/directory.schemas.js';
import { sendJson } from '../../api-client.js';

export type User = z.infer<typeof userSchema>;
export type UserSession = z.infer<typeof sessionSchema>;
export type NewUser = z.input<typeof createUserRequestSchema>;
export type UserChange = z.input<typeof updateUserRequestSchema>;

export const usersPageSize = 50;

export function usersListPath(offset: number): string {
  return `/api/v1/users?limit=${usersPageSize}&offset=${offset}`;
}

export function userPath(userId: string): string {
  return `/api/v1/users/${encodeURIComponent(userId)}`;
}

export function userSessionsPath(userId: string): string {
  return `${userPath(userId)}/sessions`;
}

export const regionsPath = '/api/v1/reference/regions?limit=200';
export const organizationsPath = '/api/v1/reference/organizations?limit=200';

export function createUser(user: NewUser): Promise<User> {
  return sendJson('POST', '/api/v1/users', { schema: userSchema, body: user });
}

export function updateUser(userId: string, change: UserChange): Promise<User> {
  return sendJson('PATCH', userPath(userId), { schema: userSchema, body: change });
}

export async function revokeSession(sessionId: string): Promise<void> {
  await sendJson('POST', `/api/v1/sessions/${encodeURIComponent(sessionId)}/revoke`, { schema: okSchema });
}
