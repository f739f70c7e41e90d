export interface DatedName<Name> {
  name: Name;
  validFrom: string;
  validTo: string | null;
}

/**
 * The name a region bore on a given day. Dates are ISO strings, which compare
 * correctly as text. A region looked up after it ended keeps its last name;
 * one looked up before its first name keeps its first.
 */
export function nameOn<Name>(names: readonly DatedName<Name>[], on: string): Name | undefined {
  const current = names.find((entry) => entry.validFrom <= on && (entry.validTo === null || on < entry.validTo));
  if (current) {
    return current.name;
  }
  const sorted = [...names].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const first = sorted[0];
  if (first && on < first.validFrom) {
    return first.name;
  }
  return sorted.at(-1)?.name;
}
