import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { anonymousNotificationRequestSchema, anonymousNotificationSchema } from '../../../shared/case.schemas.js';
import { AppError, pathwayRefusal } from '../../../shared/errors.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type { AnonymousNotificationsTable } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';

// When an adult refuses everything, the first responder still notifies, as
// the UK's Duty to Notify: no person, no identity, only what statistics need,
// so that the person is counted.

type Notification = z.infer<typeof anonymousNotificationSchema>;

function notificationOf(row: Selectable<AnonymousNotificationsTable> & { region_code: string }): Notification {
  return {
    id: row.id,
    organizationId: row.organization_id,
    recordedAt: new Date(row.recorded_at).toISOString(),
    contactDate: row.contact_date,
    regionCode: row.region_code,
    referralSource: row.referral_source as Notification['referralSource'],
    meetingContext: row.meeting_context as Notification['meetingContext'],
    sex: row.sex as Notification['sex'],
    ageGroup: row.age_group,
    citizenship: row.citizenship,
    exploitationForms: row.exploitation_forms as Notification['exploitationForms'],
    traffickingScope: row.trafficking_scope,
  };
}

export async function fileAnonymousNotification(input: { context: AppContext; actor: UserActor; notification: z.infer<typeof anonymousNotificationRequestSchema>; origin: RequestOrigin }) {
  requirePermission(input.actor, 'cases.notify');
  const { notification } = input;
  if (notification.contactDate > todayInKazakhstan()) {
    throw new AppError('validation_failed', 'The contact cannot be in the future', { fields: [{ field: 'body.contactDate', message: 'is in the future' }] });
  }
  if (notification.ageGroup === 'child') {
    // A child is never only counted: the child's case is opened and protection begins, consent or not.
    throw pathwayRefusal('child_not_anonymous', {
      fields: [{ field: 'body.ageGroup', message: 'open a case for a child' }],
    });
  }
  return input.context.database.db.transaction().execute(async (trx) => {
    const region = await trx.selectFrom('regions').select(['id', 'code']).where('code', '=', notification.regionCode).executeTakeFirst();
    if (!region) {
      throw new AppError('validation_failed', 'Unknown region', { fields: [{ field: 'body.regionCode', message: 'no such region' }] });
    }
    const row = await trx
      .insertInto('anonymous_notifications')
      .values({
        id: randomUUID(),
        organization_id: input.actor.organizationId,
        region_id: region.id,
        recorded_by: input.actor.userId,
        contact_date: notification.contactDate,
        referral_source: notification.referralSource,
        meeting_context: notification.meetingContext,
        sex: notification.sex,
        age_group: notification.ageGroup,
        citizenship: notification.citizenship,
        exploitation_forms: notification.exploitationForms,
        trafficking_scope: notification.traffickingScope,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: input.actor, action: 'notification.filed', record: { type: 'anonymous_notification', id: row.id }, origin: input.origin });
    return notificationOf({ ...row, region_code: region.code });
  });
}

/** The organization's own notifications. */
export async function listAnonymousNotifications(input: { context: AppContext; actor: UserActor; limit: number; offset: number }) {
  requirePermission(input.actor, 'cases.notify');
  const base = input.context.database.db
    .selectFrom('anonymous_notifications')
    .innerJoin('regions', 'regions.id', 'anonymous_notifications.region_id')
    .where('anonymous_notifications.organization_id', '=', input.actor.organizationId);
  const [rows, total] = await Promise.all([
    base.selectAll('anonymous_notifications').select('regions.code as region_code').orderBy('anonymous_notifications.recorded_at', 'desc').limit(input.limit).offset(input.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(notificationOf), total: Number(total.count) };
}
