import type { z } from 'zod';
import type {
  addMemberRequestSchema,
  commissionSchema,
  createCommissionRequestSchema,
  endMembershipRequestSchema,
  handOverRequestSchema,
  updateCommissionRequestSchema,
} from '../../../shared/commission.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { SenimDatabase } from '../../db/database.js';
import type { Actor, RequestOrigin } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import {
  closeWorkingBody,
  endMember,
  insertCommission,
  insertMember,
  insertWorkingBody,
  lockCommission,
  selectMembers,
  selectOrganizations,
  selectWorkingBodies,
  updateNoticeDays,
  type OrganizationRow,
} from './commission.repo.js';
import { commissionAfterChange, requireManageable } from './commission.service.js';
import { insertDecisionsPlan, updateDecisionsCoordinator } from './decisions-plan.repo.js';

interface Change {
  database: SenimDatabase;
  actor: Actor;
  origin?: RequestOrigin;
}

/** Organizations by code; an unknown code is the caller's mistake, named by its field. */
export async function requireOrganizations(database: SenimDatabase, wanted: Array<{ code: string; field: string }>): Promise<Map<string, OrganizationRow>> {
  const rows = await selectOrganizations(database.db, { codes: [...new Set(wanted.map((entry) => entry.code))] });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const unknown = wanted.filter((entry) => !byCode.has(entry.code));
  if (unknown.length > 0) {
    throw new AppError('unprocessable', `Unknown organization codes: ${unknown.map((entry) => entry.code).join(', ')}`, {
      fields: unknown.map((entry) => ({ field: entry.field, message: `no organization ${entry.code}` })),
    });
  }
  return byCode;
}

function organizationOf(byCode: Map<string, OrganizationRow>, code: string): OrganizationRow {
  const row = byCode.get(code);
  if (!row) {
    throw new Error(`organization ${code} was not resolved`);
  }
  return row;
}

/**
 * Sets up a commission with its first working body and its decisions plan.
 * A coordinator sets up one whose working body is its own organization (an
 * akimat's regional commission); the national administrator sets up any.
 */
export async function createCommission(input: Change & { request: z.infer<typeof createCommissionRequestSchema> }): Promise<z.infer<typeof commissionSchema>> {
  const { database, actor, request } = input;
  const scope = requirePermission(actor, 'commission.manage');
  const byCode = await requireOrganizations(database, [
    { code: request.workingBody, field: 'body.workingBody' },
    ...(request.akimatCode ? [{ code: request.akimatCode, field: 'body.akimatCode' }] : []),
    ...(request.rotation?.bodies.map((code) => ({ code, field: 'body.rotation.bodies' })) ?? []),
  ]);
  const workingBody = organizationOf(byCode, request.workingBody);
  if (actor.kind === 'user' && scope !== 'all' && workingBody.id !== actor.organizationId) {
    throw new AppError('forbidden', 'You can set up a commission whose working body is your own organization', {
      fields: [{ field: 'body.workingBody', message: 'must be your own organization' }],
    });
  }
  const akimat = request.akimatCode ? organizationOf(byCode, request.akimatCode) : null;
  if (akimat && akimat.kind !== 'akimat') {
    throw new AppError('unprocessable', `${akimat.code} is not an akimat`, { fields: [{ field: 'body.akimatCode', message: 'must be an akimat' }] });
  }
  const rotation = request.rotation
    ? {
        firstOrganizationId: organizationOf(byCode, request.rotation.bodies[0]).id,
        secondOrganizationId: organizationOf(byCode, request.rotation.bodies[1]).id,
        years: request.rotation.years,
      }
    : null;
  const commissionId = await database.db.transaction().execute(async (trx) => {
    const decisionsPlanId = await insertDecisionsPlan(trx, {
      title: `Decisions of the ${request.name.en}`,
      coordinatorOrganizationId: workingBody.id,
      year: Number(request.establishedOn.slice(0, 4)),
      sourceText: `Decisions recorded in the minutes of the meetings of: ${request.name.ru} / ${request.name.en}`,
    });
    const id = await insertCommission(trx, {
      level: request.level,
      akimatOrganizationId: akimat?.id ?? null,
      name: request.name,
      establishedOn: request.establishedOn,
      noticeDays: request.noticeDays,
      rotation,
      decisionsPlanId,
    });
    await insertWorkingBody(trx, { commissionId: id, organizationId: workingBody.id, from: request.establishedOn });
    await recordAudit(trx, {
      actor,
      action: 'commission.created',
      record: { type: 'commission', id },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { level: request.level, workingBody: request.workingBody, decisionsPlanId },
    });
    return id;
  });
  return commissionAfterChange({ database, actor, commissionId });
}

export async function updateCommission(
  input: Change & { commissionId: string; request: z.infer<typeof updateCommissionRequestSchema> },
): Promise<z.infer<typeof commissionSchema>> {
  const { database, actor } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  await database.db.transaction().execute(async (trx) => {
    await updateNoticeDays(trx, commission.id, input.request.noticeDays);
    await recordAudit(trx, {
      actor,
      action: 'commission.updated',
      record: { type: 'commission', id: commission.id },
      fields: ['noticeDays'],
      ...(input.origin ? { origin: input.origin } : {}),
      details: { noticeDays: input.request.noticeDays },
    });
  });
  return commissionAfterChange({ database, actor, commissionId: commission.id });
}

export async function addMember(input: Change & { commissionId: string; request: z.infer<typeof addMemberRequestSchema> }): Promise<z.infer<typeof commissionSchema>> {
  const { database, actor, request } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  const organization = organizationOf(await requireOrganizations(database, [{ code: request.organizationCode, field: 'body.organizationCode' }]), request.organizationCode);
  await database.db.transaction().execute(async (trx) => {
    await lockCommission(trx, commission.id);
    const seated = (await selectMembers(trx, [commission.id])).some((member) => member.organization_id === organization.id && member.member_to === null);
    if (seated) {
      throw new AppError('conflict', `${organization.code} already sits on the commission`);
    }
    const memberId = await insertMember(trx, { commissionId: commission.id, organizationId: organization.id, kind: request.kind, from: request.from });
    await recordAudit(trx, {
      actor,
      action: 'commission.member_added',
      record: { type: 'commission_member', id: memberId },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { commissionId: commission.id, organization: organization.code, kind: request.kind, from: request.from },
    });
  });
  return commissionAfterChange({ database, actor, commissionId: commission.id });
}

/** A member leaves: its seat gets a last day and stays in the history. */
export async function endMembership(
  input: Change & { commissionId: string; memberId: string; request: z.infer<typeof endMembershipRequestSchema> },
): Promise<z.infer<typeof commissionSchema>> {
  const { database, actor } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  await database.db.transaction().execute(async (trx) => {
    await lockCommission(trx, commission.id);
    const member = (await selectMembers(trx, [commission.id])).find((row) => row.id === input.memberId);
    if (!member) {
      throw new AppError('not_found', 'The commission has no such member');
    }
    if (member.member_to !== null) {
      throw new AppError('conflict', `This membership already ended on ${member.member_to}`);
    }
    if (input.request.on < member.member_from) {
      throw new AppError('unprocessable', 'Membership cannot end before it began', { fields: [{ field: 'body.on', message: `must be on or after ${member.member_from}` }] });
    }
    await endMember(trx, member.id, input.request.on);
    await recordAudit(trx, {
      actor,
      action: 'commission.member_left',
      record: { type: 'commission_member', id: member.id },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { commissionId: commission.id, on: input.request.on },
    });
  });
  return commissionAfterChange({ database, actor, commissionId: commission.id });
}

/**
 * A new working body takes over: the current period closes on the day the
 * next one opens, and the decisions plan passes to the new body, which from
 * then on reviews every report on the decisions.
 */
export async function handOverWorkingBody(input: Change & { commissionId: string; request: z.infer<typeof handOverRequestSchema> }): Promise<z.infer<typeof commissionSchema>> {
  const { database, actor, request } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  const next = organizationOf(await requireOrganizations(database, [{ code: request.organizationCode, field: 'body.organizationCode' }]), request.organizationCode);
  await database.db.transaction().execute(async (trx) => {
    await lockCommission(trx, commission.id);
    const current = (await selectWorkingBodies(trx, [commission.id])).find((period) => period.period_to === null);
    if (current?.organization_id === next.id) {
      throw new AppError('conflict', `${next.code} already serves as the working body`);
    }
    if (current && request.from <= current.period_from) {
      throw new AppError('unprocessable', 'The hand-over must come after the current working body took over', {
        fields: [{ field: 'body.from', message: `must be after ${current.period_from}` }],
      });
    }
    await closeWorkingBody(trx, commission.id, request.from);
    await insertWorkingBody(trx, { commissionId: commission.id, organizationId: next.id, from: request.from });
    await updateDecisionsCoordinator(trx, commission.decisions_plan_id, next.id);
    await recordAudit(trx, {
      actor,
      action: 'commission.working_body_handed_over',
      record: { type: 'commission', id: commission.id },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { to: next.code, from: request.from },
    });
  });
  return commissionAfterChange({ database, actor, commissionId: commission.id });
}
