import { useCallback } from 'react';
import { regionPageSchema, type Region } from '../../../shared/reference.schemas.js';
import { pickText } from '../../components/formatting.js';
import { useApiQuery, type ApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { regionsPath } from './users-api.js';

/** The regions in use today, from the public reference list. */
export function useRegions(): ApiQuery<{ items: Region[] }> {
  return useApiQuery(regionsPath, regionPageSchema);
}

/** Code → name in the interface language; the code itself until the list arrives. */
export function useRegionNames(): (code: string) => string {
  const query = useRegions();
  const language = useUiLanguage();
  const items = query.status === 'success' ? query.data.items : null;
  return useCallback(
    (code: string) => {
      const region = items?.find((candidate) => candidate.code === code);
      return region === undefined ? code : pickText(region.name, language);
    },
    [items, language],
  );
}
