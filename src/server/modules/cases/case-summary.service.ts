import type { z } from 'zod';
import type { CaseDetail, caseSummaryQuerySchema } from '../../../shared/case.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { PersonIdentity } from '../../../shared/person.schemas.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { can } from '../../platform/policy.js';
import { readIdentity } from '../persons/person.service.js';
import { getRegion } from '../reference/reference.service.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { selectReopenings, type Reopening } from './case-reopening.repo.js';
import { readCase } from './case.service.js';

export interface CaseSummaryForPrint {
  detail: CaseDetail;
  identity: PersonIdentity | null;
  organizationNames: Map<string, string>;
  /** The case's region by its name today, in the reader's language. */
  regionName: string;
  language: 'ru' | 'en' | 'kk';
  printedAt: string;
  /** Each time the person came back, with the reason given on reopening. */
  reopenings: Reopening[];
}

/**
 * What the printable summary holds. Identifying data is printed only when
 * asked for, by a user who may read it, with a purpose: the same audited read
 * as opening the identity on screen.
 */
export async function caseSummaryForPrint(input: {
  context: AppContext;
  actor: UserActor;
  caseId: string;
  query: z.infer<typeof caseSummaryQuerySchema>;
  origin: RequestOrigin;
}): Promise<CaseSummaryForPrint> {
  const { context, actor, query } = input;
  const detail = await readCase({ context, actor, caseId: input.caseId, origin: input.origin, view: 'summary' });
  let identity: PersonIdentity | null = null;
  if (query.includeIdentity) {
    if (!can(actor, 'persons.identity.read')) {
      throw new AppError('forbidden', 'Your roles do not allow reading identities: print without them');
    }
    if (!query.purpose) {
      throw new AppError('validation_failed', 'Say why the identity is printed', { fields: [{ field: 'query.purpose', message: 'required with includeIdentity' }] });
    }
    const [current] = await readIdentity({ context, actor, personId: detail.summary.personId, purpose: query.purpose, history: false, origin: input.origin });
    identity = current?.identity ?? null;
  }
  const organizationIds = [
    ...new Set([
      detail.summary.ownerOrganizationId,
      ...detail.involved.map((entry) => entry.organizationId),
      ...detail.referrals.flatMap((referral) => [referral.fromOrganizationId, referral.toOrganizationId]),
      ...detail.services.map((service) => service.providerOrganizationId),
      ...detail.decisions.map((decision) => decision.organizationId),
    ]),
  ];
  const column = query.language === 'en' ? 'name_en' : query.language === 'kk' ? 'name_kk' : 'name_ru';
  const organizations = await context.database.db.selectFrom('organizations').select(['id', column]).where('id', 'in', organizationIds).execute();
  const region = await getRegion({ database: context.database, code: detail.summary.regionCode });
  const reopenings = await withPersonScope(context.database.db, actor, (trx) => selectReopenings(trx, detail.summary.id));
  await context.database.db.transaction().execute(async (trx) =>
    recordAudit(trx, {
      actor,
      action: 'case.summary_printed',
      record: { type: 'case', id: detail.summary.id },
      origin: input.origin,
      details: { withIdentity: query.includeIdentity },
    }),
  );
  return {
    detail,
    identity,
    organizationNames: new Map(organizations.map((organization) => [organization.id, String(organization[column as keyof typeof organization])])),
    regionName: region.name[query.language],
    language: query.language,
    printedAt: new Date().toISOString(),
    reopenings,
  };
}
