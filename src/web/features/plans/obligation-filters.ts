import { obligationStatuses, type ObligationStatus } from './plans-api.js';

/** The filters as the form and the address bar hold them: '' for "any". */
export interface ObligationFilters {
  /** An organization code such as MLSP; only the coordinating body may pick another body. */
  organization: string;
  status: ObligationStatus | '';
  late: 'true' | 'false' | '';
}

export const noObligationFilters: ObligationFilters = { organization: '', status: '', late: '' };

const organizationCode = /^[A-Z0-9][A-Z0-9-]{1,39}$/u;

function isObligationStatus(value: string | null): value is ObligationStatus {
  return (obligationStatuses as readonly (string | null)[]).includes(value);
}

export function obligationFiltersFromParams(params: URLSearchParams): ObligationFilters {
  const organization = params.get('organization')?.trim() ?? '';
  const status = params.get('status');
  const late = params.get('late');
  return {
    organization: organizationCode.test(organization) ? organization : '',
    status: isObligationStatus(status) ? status : '',
    late: late === 'true' || late === 'false' ? late : '',
  };
}

/** Only the filters in use, so that the address stays short and readable. */
export function obligationFiltersToParams(filters: ObligationFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (organizationCode.test(filters.organization)) {
    params.organization = filters.organization;
  }
  if (filters.status !== '') {
    params.status = filters.status;
  }
  if (filters.late !== '') {
    params.late = filters.late;
  }
  return params;
}

export function obligationsPath(planId: string, filters: ObligationFilters): string {
  const query = new URLSearchParams(obligationFiltersToParams(filters)).toString();
  return `/api/v1/plans/${encodeURIComponent(planId)}/obligations${query === '' ? '' : `?${query}`}`;
}
