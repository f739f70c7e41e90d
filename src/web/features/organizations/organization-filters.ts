import type { OrganizationKind } from '../../../shared/reference.schemas.js';
import { isOrganizationKind } from './organizations-api.js';

export const organizationsPageSize = 50;

/** The filters as the form and the address bar hold them: '' for "any". */
export interface OrganizationFilters {
  kind: OrganizationKind | '';
  /** A region code such as KZ-PAV. */
  region: string;
}

export const noFilters: OrganizationFilters = { kind: '', region: '' };

const regionCode = /^[A-Z0-9-]{2,20}$/u;

export function filtersFromParams(params: URLSearchParams): OrganizationFilters {
  const kind = params.get('kind');
  const region = params.get('region')?.trim() ?? '';
  return {
    kind: isOrganizationKind(kind) ? kind : '',
    region: regionCode.test(region) ? region : '',
  };
}

/** Only the filters in use, so that the address stays short and readable. */
export function filtersToParams(filters: OrganizationFilters, offset = 0): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.kind !== '') {
    params.kind = filters.kind;
  }
  if (regionCode.test(filters.region)) {
    params.region = filters.region;
  }
  if (offset > 0) {
    params.offset = String(offset);
  }
  return params;
}

export function organizationsListPath(filters: OrganizationFilters, offset: number): string {
  const query = new URLSearchParams({ limit: String(organizationsPageSize), offset: String(offset) });
  if (filters.kind !== '') {
    query.set('kind', filters.kind);
  }
  if (regionCode.test(filters.region)) {
    query.set('region', filters.region);
  }
  return `/api/v1/reference/organizations?${query.toString()}`;
}
