import { z } from 'zod';
import { okSchema } from '../../../shared/auth.schemas.js';
import type { createOrganizationRequestSchema, updateOrganizationRequestSchema } from '../../../shared/directory.schemas.js';
import { organizationKindSchema, organizationPageSchema, type OrganizationKind, type organizationSchema } from '../../../shared/reference.schemas.js';
import { getJson, sendJson } from '../../api-client.js';

export type Organization = z.infer<typeof organizationSchema>;
export type NewOrganization = z.input<typeof createOrganizationRequestSchema>;
export type OrganizationChange = z.input<typeof updateOrganizationRequestSchema>;

export const organizationKinds: readonly OrganizationKind[] = organizationKindSchema.options;

export function isOrganizationKind(value: unknown): value is OrganizationKind {
  return (organizationKinds as readonly unknown[]).includes(value);
}

/** Only these kinds house people, so only for them is the number of places asked and shown. */
export function kindHasCapacity(kind: OrganizationKind | ''): boolean {
  return kind === 'shelter' || kind === 'crisis_centre';
}

const createdSchema = z.object({ id: z.uuid() });

export function createOrganization(organization: NewOrganization): Promise<{ id: string }> {
  return sendJson('POST', '/api/v1/organizations', { schema: createdSchema, body: organization });
}

export async function updateOrganization(organizationId: string, change: OrganizationChange): Promise<void> {
  await sendJson('PATCH', `/api/v1/organizations/${encodeURIComponent(organizationId)}`, { schema: okSchema, body: change });
}

const directoryPageSize = 200;

/**
 * Every organization, page by page. The API has no "one organization" read,
 * and the parent list needs them all anyway; there are some hundred.
 */
export async function fetchAllOrganizations(signal: AbortSignal): Promise<Organization[]> {
  const items: Organization[] = [];
  for (;;) {
    const page = await getJson(`/api/v1/reference/organizations?limit=${directoryPageSize}&offset=${items.length}`, {
      schema: organizationPageSchema,
      signal,
    });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.page.total) {
      return items;
    }
  }
}
