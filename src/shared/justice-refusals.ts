// The rules of criminal proceedings that refuse a step, by name: the API sends
// the name as a problem's `reason` beside its English detail, and the web says
// the rule in the reader's language (refusals.<name> in src/shared/i18n).

export const justiceRefusals = {
  register_number_taken: { code: 'conflict', detail: 'A proceeding with this register number is recorded already' },
  not_law_enforcement: { code: 'unprocessable', detail: 'Registering and investigating bodies are law-enforcement bodies or the prosecutor’s office' },
  article_edition_mismatch: { code: 'unprocessable', detail: 'At registration, articles are those of the Criminal Code in force on the registration date' },
  requalification_unchanged: { code: 'unprocessable', detail: 'The new qualification names the same articles as the one in force' },
  date_before_registration: { code: 'unprocessable', detail: 'The date is before the proceeding was registered' },
  date_in_future: { code: 'unprocessable', detail: 'The date is in the future' },
  date_before_current_stage: { code: 'unprocessable', detail: 'The date is before the proceeding reached its current stage' },
  date_before_qualification_in_force: { code: 'unprocessable', detail: 'The date is before the qualification in force was decided' },
  stage_not_allowed: { code: 'conflict', detail: 'The proceeding cannot move from its current stage to that one' },
  stage_back_needs_reason: { code: 'unprocessable', detail: 'Moving a proceeding back to an earlier stage needs a reason' },
  verdict_on_suspect: { code: 'conflict', detail: 'A verdict is recorded for an accused: record the indictment (suspect to accused) first' },
  verdict_before_court: { code: 'conflict', detail: 'A verdict is recorded once the proceeding has been sent to court' },
  case_already_linked: { code: 'conflict', detail: 'This case is linked to the proceeding already' },
  conviction_needs_sentence: { code: 'unprocessable', detail: 'A conviction names the article and the sentence; an acquittal or dismissal names neither' },
  mci_year_unknown: { code: 'unprocessable', detail: 'No monthly calculation index is known for that year' },
  payment_before_decision: { code: 'conflict', detail: 'A payment follows a decision to grant compensation' },
  decision_needs_date: { code: 'unprocessable', detail: 'A decision to grant or to refuse has the date it was taken' },
  date_out_of_order: { code: 'unprocessable', detail: 'The date is before the step it follows (the request, application, claim or decision)' },
  protection_needs_measures: { code: 'unprocessable', detail: 'Granted protection names at least one security measure' },
  refusal_needs_reason: { code: 'unprocessable', detail: 'A refusal states its reason' },
  ends_before_start: { code: 'unprocessable', detail: 'The end is before the start' },
  grant_needs_amount: { code: 'unprocessable', detail: 'A grant from the Victims Compensation Fund states its amount in monthly calculation indices' },
  amount_needs_date: { code: 'unprocessable', detail: 'An amount awarded or paid is given with its date, and a date with its amount' },
  proceeding_not_linked: { code: 'unprocessable', detail: 'The proceeding is not linked to this case' },
} as const satisfies Record<string, { code: 'conflict' | 'unprocessable'; detail: string }>;

export type JusticeRefusal = keyof typeof justiceRefusals;

export const justiceRefusalNames = Object.keys(justiceRefusals) as JusticeRefusal[];

export function isJusticeRefusal(reason: string | undefined): reason is JusticeRefusal {
  return reason !== undefined && Object.hasOwn(justiceRefusals, reason);
}
