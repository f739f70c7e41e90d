import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  providerQuerySchema,
  referralRequestSchema,
  referralResponseRequestSchema,
  serviceRequestSchema,
  serviceUpdateRequestSchema,
  ServiceType,
} from '../../../shared/case.schemas.js';
import { caseRefusals } from '../../../shared/case-refusals.js';
import { AppError, pathwayRefusal } from '../../../shared/errors.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { can, requirePermission } from '../../platform/policy.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { insertInvolvement } from '../persons/person.repo.js';
import { serviceRefusal } from './case-pathway.js';
import { recordCaseEvent, referralsOf, refreshStep, servicesOf, type CaseRow } from './case.repo.js';
import { onCase, recordStep } from './case-step.js';
import { referralOf, serviceOf } from './case-view.js';

type ReferralRequest = z.infer<typeof referralRequestSchema>;

/** Whether the person agreed to be referred to this organization (or to any). */
async function referralConsentGiven(trx: Transaction<Database>, caseId: string, organizationId: string): Promise<boolean> {
  const consent = await trx
    .selectFrom('case_consents')
    .select('id')
    .where('case_id', '=', caseId)
    .where('scope', '=', 'referral')
    .where('given', '=', true)
    .where('withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]))
    .executeTakeFirst();
  return consent !== undefined;
}

/**
 * A request to a provider. It needs the person's consent to be referred
 * there; a case worker may override that only with a reason, audited apart.
 * The provider sees the case from now on, to decide.
 */
export async function requestReferral(
  trx: Transaction<Database>,
  input: { actor: UserActor; caseRow: Pick<CaseRow, 'id' | 'person_id' | 'status' | 'code'>; referral: ReferralRequest; origin: RequestOrigin },
) {
  const { actor, caseRow, referral } = input;
  if (caseRow.status !== 'active') {
    throw pathwayRefusal('referral_needs_open_case');
  }
  if (referral.toOrganizationId === actor.organizationId) {
    throw pathwayRefusal('own_organization', {
      fields: [{ field: 'body.toOrganizationId', message: 'is your own organization' }],
    });
  }
  const provider = await trx.selectFrom('organizations').select(['id', 'law_enforcement']).where('id', '=', referral.toOrganizationId).executeTakeFirst();
  if (!provider) {
    throw new AppError('validation_failed', 'No such organization', { fields: [{ field: 'body.toOrganizationId', message: 'no such organization' }] });
  }
  if (provider.law_enforcement) {
    throw pathwayRefusal('police_not_provider', {
      fields: [{ field: 'body.toOrganizationId', message: 'is a law-enforcement body' }],
    });
  }
  const offered = await trx.selectFrom('organization_services').select('service_type').where('organization_id', '=', provider.id).execute();
  const missing = referral.serviceTypes.filter((type) => !offered.some((entry) => entry.service_type === type));
  if (missing.length > 0) {
    throw pathwayRefusal('service_not_offered', { detail: `The organization does not offer: ${missing.join(', ')}`, fields: [{ field: 'body.serviceTypes', message: `not offered: ${missing.join(', ')}` }] });
  }
  const consented = await referralConsentGiven(trx, caseRow.id, provider.id);
  if (!consented) {
    if (!referral.overrideConsent) {
      throw pathwayRefusal('no_referral_consent');
    }
    if (!can(actor, 'cases.consent.override')) {
      throw new AppError('forbidden', 'Referring without consent needs the cases.consent.override permission');
    }
  }
  const overridden = !consented && referral.overrideConsent !== undefined;
  const row = await trx
    .insertInto('case_referrals')
    .values({
      id: randomUUID(),
      case_id: caseRow.id,
      from_organization_id: actor.organizationId,
      to_organization_id: provider.id,
      service_types: referral.serviceTypes,
      reason: referral.reason,
      requested_by: actor.userId,
      placement: referral.placement,
      consent_overridden: overridden,
      override_reason: overridden ? (referral.overrideConsent?.reason ?? null) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertInvolvement(trx, { personId: caseRow.person_id, organizationId: provider.id, basis: 'referral', grantedBy: actor.userId });
  await recordCaseEvent(trx, { caseId: caseRow.id, kind: 'referral.requested', actor, details: { toOrganizationId: provider.id, serviceTypes: referral.serviceTypes.join(','), consentOverridden: overridden } });
  await recordAudit(trx, {
    actor,
    action: overridden ? 'case.referral_consent_overridden' : 'case.referral_requested',
    record: { type: 'case', id: caseRow.id },
    origin: input.origin,
    details: { referralId: row.id, toOrganizationId: provider.id, ...(overridden ? { reason: referral.overrideConsent?.reason ?? '' } : {}) },
  });
  return referralOf({ ...row, case_code: caseRow.code });
}

export async function createReferral(input: { context: AppContext; actor: UserActor; caseId: string; referral: ReferralRequest; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.refer', input.caseId, async (trx, caseRow) => {
    const referral = await requestReferral(trx, { actor: input.actor, caseRow, referral: input.referral, origin: input.origin });
    await refreshStep(trx, caseRow.id);
    return referral;
  });
}

/** Referrals to the user's organization: the provider's inbox. */
export async function listIncomingReferrals(input: { context: AppContext; actor: UserActor; status: 'pending' | 'accepted' | 'declined' | 'withdrawn'; limit: number; offset: number }) {
  const { context, actor } = input;
  requirePermission(actor, 'cases.referrals.respond');
  return withPersonScope(context.database.db, actor, async (trx) => {
    const base = trx.selectFrom('case_referrals').where('to_organization_id', '=', actor.organizationId).where('status', '=', input.status);
    const [ids, total] = await Promise.all([
      base.select('case_id').orderBy('requested_at', 'desc').limit(input.limit).offset(input.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    ]);
    const rows = await referralsOf(trx, [...new Set(ids.map((row) => row.case_id))]);
    const items = rows
      .filter((row) => row.to_organization_id === actor.organizationId && row.status === input.status)
      .sort((a, b) => new Date(b.requested_at).getTime() - new Date(a.requested_at).getTime())
      .map(referralOf);
    return { items, total: Number(total.count) };
  });
}

/**
 * The provider accepts (with placement dates) or declines with a reason. A
 * declining provider loses sight of the case; the accepting worker is named
 * on it, which a child's case needs.
 */
export async function respondToReferral(input: { context: AppContext; actor: UserActor; referralId: string; response: z.infer<typeof referralResponseRequestSchema>; origin: RequestOrigin }) {
  const { context, actor, response } = input;
  requirePermission(actor, 'cases.referrals.respond');
  return withPersonScope(context.database.db, actor, async (trx) => {
    const referral = await trx
      .selectFrom('case_referrals')
      .innerJoin('nrm_cases', 'nrm_cases.id', 'case_referrals.case_id')
      .selectAll('case_referrals')
      .select(['nrm_cases.code as case_code', 'nrm_cases.person_id', 'nrm_cases.status as case_status'])
      .where('case_referrals.id', '=', input.referralId)
      .where('case_referrals.to_organization_id', '=', actor.organizationId)
      .forUpdate('case_referrals')
      .executeTakeFirst();
    if (!referral) {
      throw new AppError('not_found', 'No such referral to your organization');
    }
    if (referral.status !== 'pending') {
      throw pathwayRefusal('referral_already_answered', { detail: `This referral was already ${referral.status}` });
    }
    if (response.decision === 'accept') {
      const placementFrom = response.placementFrom ?? (referral.placement ? todayInKazakhstan() : null);
      const placementTo = response.placementTo ?? null;
      if (placementFrom && placementTo && placementTo < placementFrom) {
        throw new AppError('validation_failed', 'The placement ends before it starts', { fields: [{ field: 'body.placementTo', message: 'is before placementFrom' }] });
      }
      if (referral.placement) {
        const free = await freePlaces(trx, actor.organizationId);
        if (free !== null && free <= 0) {
          throw pathwayRefusal('no_free_places');
        }
      }
      const accepted = await trx
        .updateTable('case_referrals')
        .set({ status: 'accepted', responded_by: actor.userId, responded_at: sql`now()`, placement_from: placementFrom, placement_to: placementTo })
        .where('id', '=', referral.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertInvolvement(trx, { personId: referral.person_id, organizationId: actor.organizationId, basis: 'service', grantedBy: actor.userId });
      await trx.insertInto('case_workers').values({ case_id: referral.case_id, user_id: actor.userId, named_by: actor.userId }).onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing()).execute();
      await recordStep(trx, {
        caseId: referral.case_id,
        actor,
        event: 'referral.accepted',
        audit: 'case.referral_accepted',
        origin: input.origin,
        details: { referralId: referral.id, placementFrom, placementTo },
      });
      return referralOf({ ...accepted, case_code: referral.case_code });
    }
    // Read back while the case is still in sight: declining may take this organization out of it.
    const declined = await trx
      .updateTable('case_referrals')
      .set({ status: 'declined', responded_by: actor.userId, responded_at: sql`now()`, decline_reason: response.reason })
      .where('id', '=', referral.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStep(trx, {
      caseId: referral.case_id,
      actor,
      event: 'referral.declined',
      audit: 'case.referral_declined',
      origin: input.origin,
      details: { referralId: referral.id, reason: response.reason },
    });
    const stillReferred = await trx
      .selectFrom('case_referrals')
      .innerJoin('nrm_cases', 'nrm_cases.id', 'case_referrals.case_id')
      .select('case_referrals.id')
      .where('nrm_cases.person_id', '=', referral.person_id)
      .where('case_referrals.to_organization_id', '=', actor.organizationId)
      .where('case_referrals.status', 'in', ['pending', 'accepted'])
      .executeTakeFirst();
    if (!stillReferred) {
      await trx.deleteFrom('person_involvements').where('person_id', '=', referral.person_id).where('organization_id', '=', actor.organizationId).where('basis', '=', 'referral').execute();
    }
    return referralOf({ ...declined, case_code: referral.case_code });
  });
}

/**
 * Current placements: accepted bed referrals whose placement has started and
 * not ended, in every case, seen or not (row-level security would count only
 * the cases in the asker's sight); only the numbers come back.
 */
async function occupiedPlaces(trx: Transaction<Database>, organizationIds: readonly string[]): Promise<Map<string, number>> {
  if (organizationIds.length === 0) {
    return new Map();
  }
  const rows = await sql<{ organization_id: string; occupied: string }>`
    select organization_id, occupied from senim_occupied_places_unscoped(${sql.val([...organizationIds])}::uuid[], ${todayInKazakhstan()}::date)`.execute(trx);
  return new Map(rows.rows.map((row) => [row.organization_id, Number(row.occupied)]));
}

async function freePlaces(trx: Transaction<Database>, organizationId: string): Promise<number | null> {
  const organization = await trx.selectFrom('organizations').select('capacity').where('id', '=', organizationId).executeTakeFirstOrThrow();
  if (organization.capacity === null) {
    return null;
  }
  return organization.capacity - ((await occupiedPlaces(trx, [organizationId])).get(organizationId) ?? 0);
}

/** Providers in a region (or nationwide ones) offering a service, with beds taken and free. */
export async function listProviders(input: { context: AppContext; actor: UserActor; query: z.infer<typeof providerQuerySchema> }) {
  const { context, actor, query } = input;
  requirePermission(actor, 'cases.refer');
  return withPersonScope(context.database.db, actor, async (trx) => {
    const region = await trx.selectFrom('regions').select('id').where('code', '=', query.regionCode).executeTakeFirst();
    if (!region) {
      throw new AppError('validation_failed', 'Unknown region', { fields: [{ field: 'query.regionCode', message: 'no such region' }] });
    }
    let providers = trx
      .selectFrom('organizations')
      .select(['id', 'kind', 'name_ru', 'name_kk', 'name_en', 'capacity'])
      .where('law_enforcement', '=', false)
      .where((eb) =>
        eb.exists(eb.selectFrom('organization_services').select('organization_services.organization_id').whereRef('organization_services.organization_id', '=', 'organizations.id')),
      )
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('organization_regions').select('organization_regions.organization_id').whereRef('organization_regions.organization_id', '=', 'organizations.id').where('organization_regions.region_id', '=', region.id)),
          eb.not(eb.exists(eb.selectFrom('organization_regions').select('organization_regions.organization_id').whereRef('organization_regions.organization_id', '=', 'organizations.id'))),
        ]),
      );
    if (query.serviceType) {
      const serviceType = query.serviceType;
      providers = providers.where((eb) =>
        eb.exists(
          eb
            .selectFrom('organization_services')
            .select('organization_services.organization_id')
            .whereRef('organization_services.organization_id', '=', 'organizations.id')
            .where('organization_services.service_type', '=', serviceType),
        ),
      );
    }
    const rows = await providers.orderBy('name_en').execute();
    const ids = rows.map((row) => row.id);
    const [services, occupied] = await Promise.all([
      ids.length > 0 ? trx.selectFrom('organization_services').selectAll().where('organization_id', 'in', ids).execute() : Promise.resolve([]),
      occupiedPlaces(trx, ids),
    ]);
    return {
      items: rows.map((row) => {
        const taken = occupied.get(row.id) ?? 0;
        return {
          organizationId: row.id,
          kind: row.kind,
          name: { ru: row.name_ru, kk: row.name_kk, en: row.name_en },
          serviceTypes: services.filter((service) => service.organization_id === row.id).map((service) => service.service_type as ServiceType),
          capacity: row.capacity,
          occupied: taken,
          free: row.capacity === null ? null : Math.max(0, row.capacity - taken),
        };
      }),
    };
  });
}

async function acceptedProviders(trx: Transaction<Database>, caseId: string): Promise<{ organizationId: string; referralId: string }[]> {
  const rows = await trx.selectFrom('case_referrals').select(['id', 'to_organization_id']).where('case_id', '=', caseId).where('status', '=', 'accepted').execute();
  return rows.map((row) => ({ organizationId: row.to_organization_id, referralId: row.id }));
}

/** The assistance plan: a service by a provider that has accepted a referral (or by the organization that owns the case). */
export async function recordService(input: { context: AppContext; actor: UserActor; caseId: string; service: z.infer<typeof serviceRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.services.manage', input.caseId, async (trx, caseRow) => {
    const { service } = input;
    const accepted = await acceptedProviders(trx, caseRow.id);
    const refusal = serviceRefusal({
      providerOrganizationId: service.providerOrganizationId,
      caseOwnerOrganizationId: caseRow.owner_organization_id,
      acceptedReferralProviders: accepted.map((entry) => entry.organizationId),
      status: caseRow.status,
    });
    if (refusal) {
      throw pathwayRefusal(refusal, { fields: [{ field: 'body.providerOrganizationId', message: caseRefusals[refusal].detail }] });
    }
    if (service.plannedFrom && service.plannedTo && service.plannedTo < service.plannedFrom) {
      throw new AppError('validation_failed', 'The service ends before it starts', { fields: [{ field: 'body.plannedTo', message: 'is before plannedFrom' }] });
    }
    if (service.status === 'delivered' && !service.deliveredOn) {
      throw new AppError('validation_failed', 'Say when the service was delivered', { fields: [{ field: 'body.deliveredOn', message: 'required when delivered' }] });
    }
    const row = await trx
      .insertInto('case_services')
      .values({
        id: randomUUID(),
        case_id: caseRow.id,
        service_type: service.serviceType,
        provider_organization_id: service.providerOrganizationId,
        referral_id: accepted.find((entry) => entry.organizationId === service.providerOrganizationId)?.referralId ?? null,
        status: service.status,
        planned_from: service.plannedFrom,
        planned_to: service.plannedTo,
        delivered_on: service.deliveredOn,
        notes: service.notes,
        recorded_by: input.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'service.recorded',
      audit: 'case.service_recorded',
      origin: input.origin,
      details: { serviceId: row.id, serviceType: service.serviceType, status: service.status },
    });
    return serviceOf(row);
  });
}

export async function updateService(input: { context: AppContext; actor: UserActor; caseId: string; serviceId: string; update: z.infer<typeof serviceUpdateRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.services.manage', input.caseId, async (trx, caseRow) => {
    if (caseRow.status === 'closed') {
      throw pathwayRefusal('case_closed');
    }
    const existing = (await servicesOf(trx, caseRow.id)).find((service) => service.id === input.serviceId);
    if (!existing) {
      throw new AppError('not_found', 'No such service on this case');
    }
    const { update } = input;
    const deliveredOn = update.deliveredOn === undefined ? existing.delivered_on : update.deliveredOn;
    if (update.status === 'delivered' && !deliveredOn) {
      throw new AppError('validation_failed', 'Say when the service was delivered', { fields: [{ field: 'body.deliveredOn', message: 'required when delivered' }] });
    }
    const row = await trx
      .updateTable('case_services')
      .set({
        status: update.status,
        ...(update.plannedFrom !== undefined ? { planned_from: update.plannedFrom } : {}),
        ...(update.plannedTo !== undefined ? { planned_to: update.plannedTo } : {}),
        delivered_on: deliveredOn,
        ...(update.notes !== undefined ? { notes: update.notes } : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'service.updated',
      audit: 'case.service_updated',
      origin: input.origin,
      details: { serviceId: row.id, status: update.status },
    });
    return serviceOf(row);
  });
}
