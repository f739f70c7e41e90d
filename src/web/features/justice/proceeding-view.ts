import type { z } from 'zod';
import type { proceedingArticleSchema } from '../../../shared/proceeding.schemas.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';
import type { Organization } from '../organizations/organizations-api.js';

// What the investigator's pages show, worked out from what the API answers.

export type ProceedingArticle = z.infer<typeof proceedingArticleSchema>;

/** "128 ч.3, 309 ч.2": the articles as printed in the reader's language. */
export function articleRefsOf(articles: readonly ProceedingArticle[], language: UiLanguage): string {
  return articles.map((article) => article.ref[language]).join(', ');
}

/** The bodies that may register and investigate a proceeding (the server's law-enforcement flag), the user's own first. */
export function lawEnforcementBodies(organizations: readonly Organization[], ownId: string): Organization[] {
  const chosen = organizations.filter((organization) => organization.id === ownId || organization.lawEnforcement);
  return [...chosen.filter((organization) => organization.id === ownId), ...chosen.filter((organization) => organization.id !== ownId)];
}

/** Whole days between a moment and now, for "no movement for N days". */
export function daysSince(instant: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(instant).getTime()) / 86_400_000));
}
