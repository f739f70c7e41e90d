import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../server/platform/audit.js';
import { isKnownAction } from './audit-labels.js';

describe('audit action labels', () => {
  it('name every action the server writes, so auditors never read a raw code', () => {
    expect(auditActions.filter((action) => !isKnownAction(action))).toEqual([]);
  });
});
