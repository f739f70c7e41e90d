import { useCallback } from 'react';
import { pickText } from '../../components/formatting.js';
import type { ApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { Organization } from '../organizations/organizations-api.js';

/** Code → name in the interface language, from a loaded directory; the code itself until it arrives or for a code it lacks. */
export function useOrganizationNames(directory: ApiQuery<Organization[]>): (code: string) => string {
  const language = useUiLanguage();
  const items = directory.status === 'success' ? directory.data : null;
  return useCallback(
    (code: string) => {
      const organization = items?.find((candidate) => candidate.code === code);
      return organization === undefined ? code : pickText(organization.name, language);
    },
    [items, language],
  );
}
