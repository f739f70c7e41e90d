import { describe, expect, it } from 'vitest';
import { grantableRoles, nationalRoles, refuseGrant } from './role-grants.js';

const korgau = 'org-korgau';
const admin = { userId: 'u-admin', organizationId: korgau, roles: ['administrator' as const] };
const national = { userId: 'u-national', organizationId: 'org-operator', roles: ['national_administrator' as const] };

describe('who may grant which role', () => {
  it('counts as national every role reaching beyond one organization: the national administrator, the auditor, the analyst', () => {
    expect([...nationalRoles].sort()).toEqual(['analyst', 'auditor', 'national_administrator']);
  });

  it("offers an organization's administrator only roles bound to the organization, the internal auditor among them", () => {
    const offered = grantableRoles(admin.roles);
    expect(offered).toContain('case_worker');
    expect(offered).toContain('internal_auditor');
    expect(offered).toContain('administrator');
    expect(offered).not.toContain('auditor');
    expect(offered).not.toContain('analyst');
    expect(offered).not.toContain('national_administrator');
    expect(grantableRoles(['coordinator'])).toEqual([]);
    expect(grantableRoles(national.roles)).toContain('auditor');
  });

  it('refuses anyone a change of their own roles, the national administrator too', () => {
    expect(refuseGrant({ granter: admin, grantee: { userId: admin.userId, organizationId: korgau, currentRoles: ['administrator'] }, roles: ['administrator', 'auditor'] })).toEqual({
      reason: 'own_roles',
    });
    expect(refuseGrant({ granter: admin, grantee: { userId: admin.userId, organizationId: korgau, currentRoles: ['administrator'] }, roles: ['administrator', 'case_worker'] })).toEqual({
      reason: 'own_roles',
    });
    expect(
      refuseGrant({ granter: national, grantee: { userId: national.userId, organizationId: 'org-operator', currentRoles: ['national_administrator'] }, roles: ['national_administrator', 'auditor'] }),
    ).toEqual({ reason: 'own_roles' });
    // Saving one's own unchanged roles changes nothing, so nothing is refused.
    expect(refuseGrant({ granter: admin, grantee: { userId: admin.userId, organizationId: korgau, currentRoles: ['administrator'] }, roles: ['administrator'] })).toBeNull();
  });

  it('lets an administrator grant and remove organization-bound roles, but neither grant nor remove a national one', () => {
    const colleague = { userId: 'u-colleague', organizationId: korgau, currentRoles: ['case_worker' as const] };
    expect(refuseGrant({ granter: admin, grantee: colleague, roles: ['case_worker', 'internal_auditor'] })).toBeNull();
    expect(refuseGrant({ granter: admin, grantee: colleague, roles: ['case_worker', 'auditor', 'analyst'] })).toEqual({ reason: 'national_only', roles: ['analyst', 'auditor'] });
    expect(refuseGrant({ granter: admin, grantee: { ...colleague, currentRoles: ['auditor', 'case_worker'] }, roles: ['case_worker'] })).toEqual({ reason: 'national_only', roles: ['auditor'] });
    expect(refuseGrant({ granter: admin, grantee: { userId: null, organizationId: korgau, currentRoles: [] }, roles: ['national_administrator'] })).toEqual({
      reason: 'national_only',
      roles: ['national_administrator'],
    });
  });

  it("keeps an administrator out of other organizations' users, and lets the national administrator grant anything to anyone else", () => {
    expect(refuseGrant({ granter: admin, grantee: { userId: null, organizationId: 'org-mia', currentRoles: [] }, roles: ['case_worker'] })).toEqual({ reason: 'other_organization' });
    expect(refuseGrant({ granter: national, grantee: { userId: null, organizationId: 'org-hrc', currentRoles: [] }, roles: ['auditor'] })).toBeNull();
    expect(refuseGrant({ granter: national, grantee: { userId: 'u-other', organizationId: korgau, currentRoles: ['administrator'] }, roles: ['national_administrator'] })).toBeNull();
  });
});
