import type { TFunction } from 'i18next';
import type { ExploitationForm } from '../../../shared/case.schemas.js';
import type { AnonymousNotificationRequest } from './cases-api.js';
import { citizenshipOf, type MeetingContextValue, type ReferralSourceValue, type SexValue } from './intake-form.js';

/** An anonymous notification: what is counted for an adult who refuses everything else. No name, no case. */
export interface NotificationDraft {
  contactDate: string;
  regionCode: string;
  referralSource: ReferralSourceValue | '';
  meetingContext: MeetingContextValue | '';
  sex: SexValue;
  ageGroup: 'adult' | 'child' | 'unknown';
  citizenship: string;
  otherCitizenship: string;
  exploitationForms: ExploitationForm[];
  traffickingScope: 'internal' | 'cross_border' | '';
}

export type NotificationField = 'contactDate' | 'regionCode' | 'referralSource' | 'meetingContext' | 'ageGroup' | 'otherCitizenship';

export const notificationFields: readonly NotificationField[] = ['contactDate', 'regionCode', 'referralSource', 'meetingContext', 'ageGroup', 'otherCitizenship'];

export function emptyNotificationDraft(today: string, regions: readonly string[]): NotificationDraft {
  return {
    contactDate: today,
    regionCode: regions.length === 1 ? (regions[0] ?? '') : '',
    referralSource: '',
    meetingContext: '',
    sex: 'not_disclosed',
    ageGroup: 'adult',
    citizenship: 'unknown',
    otherCitizenship: '',
    exploitationForms: [],
    traffickingScope: '',
  };
}

export function checkNotificationDraft(draft: NotificationDraft, today: string, t: TFunction): Partial<Record<NotificationField, string>> {
  const errors: Partial<Record<NotificationField, string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(draft.contactDate)) {
    errors.contactDate = t('cases.intake.firstContactDateMissing');
  } else if (draft.contactDate > today) {
    errors.contactDate = t('cases.intake.firstContactDateFuture');
  }
  if (draft.regionCode === '') {
    errors.regionCode = t('cases.intake.regionMissing');
  }
  if (draft.referralSource === '') {
    errors.referralSource = t('cases.intake.referralSourceMissing');
  }
  if (draft.meetingContext === '') {
    errors.meetingContext = t('cases.intake.meetingContextMissing');
  }
  // A child is never only counted: the child's case is opened and protection begins.
  if (draft.ageGroup === 'child') {
    errors.ageGroup = t('cases.notifications.childNeedsCase');
  }
  if (citizenshipOf(draft) === null) {
    errors.otherCitizenship = t('cases.intake.otherCitizenshipFormat');
  }
  return errors;
}

export function notificationRequestOf(draft: NotificationDraft): AnonymousNotificationRequest {
  if (draft.referralSource === '' || draft.meetingContext === '') {
    throw new Error('notificationRequestOf() needs a checked draft');
  }
  return {
    contactDate: draft.contactDate,
    regionCode: draft.regionCode,
    referralSource: draft.referralSource,
    meetingContext: draft.meetingContext,
    sex: draft.sex,
    ageGroup: draft.ageGroup,
    citizenship: citizenshipOf(draft) ?? 'unknown',
    exploitationForms: draft.exploitationForms,
    traffickingScope: draft.traffickingScope === '' ? null : draft.traffickingScope,
  };
}
