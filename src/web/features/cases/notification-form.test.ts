import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkNotificationDraft, emptyNotificationDraft, notificationRequestOf } from './notification-form.js';

const t = ((key: string) => key) as unknown as TFunction;
const today = '2026-11-23';

describe('the anonymous notification', () => {
  it('is for adults: a child gets a case and protection instead', () => {
    const draft = { ...emptyNotificationDraft(today, ['KZ-ALA']), referralSource: 'hotline' as const, meetingContext: 'hotline_call' as const };
    expect(checkNotificationDraft(draft, today, t)).toEqual({});
    expect(checkNotificationDraft({ ...draft, ageGroup: 'child' }, today, t)).toEqual({ ageGroup: 'cases.notifications.childNeedsCase' });
  });

  it('carries nothing that names the person', () => {
    const draft = {
      ...emptyNotificationDraft(today, ['KZ-ALA']),
      referralSource: 'hotline' as const,
      meetingContext: 'hotline_call' as const,
      citizenship: 'other',
      otherCitizenship: 'npl',
      exploitationForms: ['labour' as const],
    };
    expect(notificationRequestOf(draft)).toEqual({
      contactDate: today,
      regionCode: 'KZ-ALA',
      referralSource: 'hotline',
      meetingContext: 'hotline_call',
      sex: 'not_disclosed',
      ageGroup: 'adult',
      citizenship: 'NPL',
      exploitationForms: ['labour'],
      traffickingScope: null,
    });
  });
});
