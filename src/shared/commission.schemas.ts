import { z } from 'zod';

const isoDay = z.iso.date('must be a date written YYYY-MM-DD');
const organizationCode = z.string().trim().min(2).max(40).describe('An organization code, e.g. MIA, NGO-KORGAU-ASTANA');
const localizedName = z.object({
  ru: z.string().trim().min(1, 'is required').max(500),
  kk: z.string().trim().min(1, 'is required').max(500),
  en: z.string().trim().min(1, 'is required').max(500),
});

export const memberKinds = ['state_body', 'ngo', 'observer', 'international'] as const;
export const memberKindSchema = z.enum(memberKinds);
export const meetingStatuses = ['scheduled', 'held', 'cancelled'] as const;
export const meetingStatusSchema = z.enum(meetingStatuses);
export const noticeStandings = ['sent', 'sent_late', 'not_yet_due', 'overdue'] as const;

export const commissionParamsSchema = z.object({ id: z.uuid('must be a UUID') });
export const meetingParamsSchema = commissionParamsSchema.extend({ number: z.coerce.number().int().min(1).max(100_000) });
export const memberParamsSchema = commissionParamsSchema.extend({ memberId: z.uuid('must be a UUID') });

const organizationRefSchema = z.object({
  code: z.string(),
  name: localizedName,
  abbreviation: localizedName,
});

export const meetingWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gap'), afterNumber: z.number().int(), beforeNumber: z.number().int(), dueBy: isoDay }),
  z.object({ kind: z.literal('overdue'), afterNumber: z.number().int(), dueBy: isoDay }),
]);

const commissionHeaderSchema = z.object({
  id: z.uuid(),
  level: z.enum(['national', 'regional']),
  name: localizedName,
  akimat: organizationRefSchema.nullable().describe('The akimat a regional commission sits under'),
  establishedOn: isoDay,
  noticeDays: z.number().int(),
  workingBody: organizationRefSchema.nullable().describe('The body serving as working body today'),
  nextMeetingDueBy: isoDay.nullable().describe('Six months after the latest meeting not cancelled'),
  warnings: z.array(meetingWarningSchema).describe('Meetings more than six months apart, or a next meeting overdue'),
});

export const commissionListSchema = z.object({ items: z.array(commissionHeaderSchema) }).meta({ id: 'CommissionList' });

export const publishedReportSchema = z.object({
  id: z.uuid(),
  reportingDate: isoDay,
  language: z.enum(['ru', 'en']),
  publishedAt: z.iso.datetime(),
});

export const meetingSummarySchema = z.object({
  number: z.number().int(),
  date: isoDay,
  place: z.string(),
  status: meetingStatusSchema,
  minutesPublished: z.boolean(),
  noticesSent: z.number().int(),
  decisions: z.number().int(),
});

export const commissionSchema = commissionHeaderSchema
  .extend({
    decisionsPlanId: z.uuid().describe('The plan whose measures are the decisions: obligations, reports and the consolidated report work on it'),
    members: z.array(
      z.object({
        id: z.uuid(),
        organization: organizationRefSchema,
        kind: memberKindSchema,
        from: isoDay,
        to: isoDay.nullable(),
        current: z.boolean(),
      }),
    ),
    workingBodies: z.array(z.object({ organization: organizationRefSchema, from: isoDay, to: isoDay.nullable() })),
    rotation: z
      .object({
        bodies: z.tuple([organizationRefSchema, organizationRefSchema]),
        years: z.number().int(),
        proposal: z.object({ organizationCode: z.string(), from: isoDay, to: isoDay.nullable() }).nullable().describe('The next working body and when it takes over'),
      })
      .nullable(),
    meetings: z.array(meetingSummarySchema),
    reports: z.array(publishedReportSchema).describe('Consolidated reports on the decisions, published'),
    canManage: z.boolean().describe("Whether the caller's body serves as working body (or the caller administers Senim)"),
  })
  .meta({ id: 'Commission' });

export const decisionSchema = z.object({
  position: z.number().int(),
  measureNumber: z.number().int().describe('The measure number in the decisions plan'),
  text: z.string(),
  dueDate: isoDay,
  responsible: z.array(z.object({ organization: organizationRefSchema, lead: z.boolean() })),
});

export const meetingSchema = z
  .object({
    commissionId: z.uuid(),
    commissionName: localizedName,
    decisionsPlanId: z.uuid(),
    number: z.number().int(),
    date: isoDay,
    place: z.string(),
    agenda: z.array(z.string()),
    status: meetingStatusSchema,
    noticeDueBy: isoDay,
    notices: z.array(z.object({ organization: organizationRefSchema, sentAt: z.iso.datetime().nullable(), standing: z.enum(noticeStandings) })),
    minutes: z.string().nullable(),
    minutesPublished: z.boolean(),
    decisions: z.array(decisionSchema),
    warning: meetingWarningSchema.nullable().describe('Set when this meeting comes more than six months after the previous one'),
    canManage: z.boolean(),
  })
  .meta({ id: 'CommissionMeeting' });

export const myNoticesSchema = z
  .object({
    items: z.array(
      z.object({
        commissionId: z.uuid(),
        commissionName: localizedName,
        meetingNumber: z.number().int(),
        date: isoDay,
        place: z.string(),
        status: meetingStatusSchema,
        agenda: z.array(z.string()),
        sentAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'CommissionNotices' });

export const publicCommissionListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        level: z.enum(['national', 'regional']),
        name: localizedName,
        meetings: z.array(
          z.object({
            number: z.number().int(),
            date: isoDay,
            status: meetingStatusSchema,
            minutes: z.string().nullable().describe('Only minutes the working body published'),
          }),
        ),
        reports: z.array(publishedReportSchema).describe('Consolidated reports on the decisions that the working body published'),
      }),
    ),
  })
  .meta({ id: 'PublicCommissions' });

export const createCommissionRequestSchema = z
  .object({
    level: z.enum(['national', 'regional']),
    akimatCode: organizationCode.optional().describe('Regional commissions: the akimat it sits under'),
    name: localizedName,
    establishedOn: isoDay,
    noticeDays: z.number().int().min(1).max(90).default(10),
    workingBody: organizationCode.describe('The body serving as working body from establishedOn'),
    rotation: z
      .object({ bodies: z.tuple([organizationCode, organizationCode]), years: z.number().int().min(1).max(10).default(2) })
      .refine((rotation) => rotation.bodies[0] !== rotation.bodies[1], { message: 'name two different bodies', path: ['bodies'] })
      .optional(),
  })
  .refine((body) => (body.level === 'regional') === (body.akimatCode !== undefined), {
    message: 'a regional commission names its akimat, a national one none',
    path: ['akimatCode'],
  });

export const updateCommissionRequestSchema = z.object({ noticeDays: z.number().int().min(1).max(90) });

export const addMemberRequestSchema = z.object({ organizationCode, kind: memberKindSchema, from: isoDay });

export const endMembershipRequestSchema = z.object({ on: isoDay.describe('The last day of membership') });

export const handOverRequestSchema = z.object({ organizationCode, from: isoDay.describe('The day the new working body takes over') });

export const scheduleMeetingRequestSchema = z.object({
  date: isoDay,
  place: z.string().trim().min(1, 'is required').max(500),
  agenda: z.array(z.string().trim().min(1, 'is empty').max(2_000)).min(1, 'give at least one agenda item').max(50),
});

export const minutesRequestSchema = z.object({
  text: z.string().trim().min(1, 'is required').max(100_000),
  published: z.boolean().default(false).describe('true shows the minutes on the public page'),
});

export const decisionRequestSchema = z.object({
  text: z.string().trim().min(1, 'is required').max(10_000),
  responsible: z.array(organizationCode).min(1, 'name at least one body').max(30).describe('Organization codes; the first leads'),
  dueDate: isoDay,
});

export const publishReportRequestSchema = z.object({
  date: isoDay.describe('The reporting date, e.g. 2016-01-20; decisions due in the six months up to it are counted'),
  language: z.enum(['ru', 'en']).default('ru'),
});

export const reportParamsSchema = z.object({ id: z.uuid('must be a UUID') });

export type Commission = z.infer<typeof commissionSchema>;
export type CommissionMeeting = z.infer<typeof meetingSchema>;
export type MemberKind = z.infer<typeof memberKindSchema>;
