import { useCallback } from 'react';
import { pickText } from '../../components/formatting.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';

/** Organization id → name in the interface language; the id itself until the directory arrives or for one it lacks. */
export function useOrganizationNamesById(): (organizationId: string) => string {
  const directory = useOrganizationDirectory();
  const language = useUiLanguage();
  const items = directory.status === 'success' ? directory.data : null;
  return useCallback(
    (organizationId: string) => {
      const organization = items?.find((candidate) => candidate.id === organizationId);
      return organization === undefined ? organizationId : pickText(organization.name, language);
    },
    [items, language],
  );
}
