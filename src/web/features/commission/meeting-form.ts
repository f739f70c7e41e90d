import type { createCommissionRequestSchema, MemberKind } from '../../../shared/commission.schemas.js';
import type { z } from 'zod';
import type { OrganizationKind } from '../../../shared/reference.schemas.js';

// What the commission's forms send, read from what people type and choose.

/** One agenda item per non-empty line, numbering ("1.", "2)") and bullets dropped. */
export function agendaFromText(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.replace(/^\s*(?:\d{1,2}[.)]|[-–•*])\s*/u, '').trim())
    .filter((line) => line !== '');
}

/** The lead body first, then the others ticked, each once. */
export function responsibleBodies(lead: string, others: readonly string[]): string[] {
  return [...new Set([lead, ...others].filter((code) => code !== ''))];
}

/** The seat an organization usually takes: international organizations sit as observers (OSCE, IOM). */
export function memberKindFor(kind: OrganizationKind): MemberKind {
  switch (kind) {
    case 'state_body':
    case 'akimat':
    case 'operator':
      return 'state_body';
    case 'international_organization':
      return 'observer';
    case 'ngo':
    case 'shelter':
    case 'crisis_centre':
    case 'hotline':
      return 'ngo';
  }
}

/** What the set-up form holds: text as typed, codes as chosen ('' for none). */
export interface CommissionDraft {
  level: 'national' | 'regional';
  akimatCode: string;
  name: { ru: string; kk: string; en: string };
  establishedOn: string;
  noticeDays: string;
  workingBody: string;
  rotationFirst: string;
  rotationSecond: string;
}

/** A national commission names no akimat; a rotation is sent only when both bodies are chosen, two years each as in 2014. */
export function commissionRequestOf(draft: CommissionDraft): z.input<typeof createCommissionRequestSchema> {
  const rotation = draft.rotationFirst !== '' && draft.rotationSecond !== '' ? { bodies: [draft.rotationFirst, draft.rotationSecond] as [string, string], years: 2 } : undefined;
  return {
    level: draft.level,
    ...(draft.level === 'regional' ? { akimatCode: draft.akimatCode } : {}),
    name: draft.name,
    establishedOn: draft.establishedOn,
    noticeDays: Number(draft.noticeDays),
    workingBody: draft.workingBody,
    ...(rotation ? { rotation } : {}),
  };
}
