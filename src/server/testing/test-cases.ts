import { expect } from 'vitest';
import type { SenimApp } from '../http/app.js';
import type { SignedIn } from './test-users.js';

/**
 * A woman who came to the office herself in Astana and agreed to her data
 * being processed: the plainest intake a story can start from. A test says
 * what makes its person different (age, identity, circumstances).
 */
export async function recordSelfReferredIntake(app: SenimApp, recorder: SignedIn, different: Record<string, unknown> = {}) {
  const intake = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: recorder.headers(),
    payload: {
      referralSource: 'self_referral',
      meetingContext: 'came_to_office',
      firstContactDate: '2026-11-02',
      regionCode: 'KZ-AST',
      sex: 'female',
      ageYears: 24,
      ageBasis: 'declared',
      citizenship: 'KAZ',
      consents: [{ scope: 'processing', given: true, method: 'written' }],
      ...different,
    },
  });
  expect(intake.statusCode, intake.body).toBe(201);
  return intake.json<{ id: string; code: string; personId: string }>();
}
