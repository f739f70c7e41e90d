import type { SenimApp } from '../../http/app.js';
import type { SenimDatabase } from '../../db/database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';

/** A plan table laid out like the 2009-2011 Action Plan, for tests: one tab-separated line per measure. */
export function planTableText(measures: readonly string[], years = '2012-2014'): string {
  return [
    '**The Action Plan  ',
    ' of the Government of the Republic of Kazakhstan  ',
    ` to Combat and Prevent Human Trafficking Crimes for ${years}**`,
    '',
    'No.\tAction\tCompletion Form\tResponsible for Performance\tDate of Performance\tEstimated Costs (ths. of KZT)\tSource of Financing',
    '1\t2\t3\t4\t5\t6\t7',
    ...measures,
  ].join('\n');
}

/** A signed-in coordinator of each body, in the order given. */
export async function signInCoordinators(app: SenimApp, database: SenimDatabase, organizationCodes: readonly string[]): Promise<SignedIn[]> {
  const sessions: SignedIn[] = [];
  for (const organizationCode of organizationCodes) {
    sessions.push(await signIn(app, await createTestUser(database, { organizationCode, roles: ['coordinator'] })));
  }
  return sessions;
}
