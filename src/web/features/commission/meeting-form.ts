// What the meeting forms send, read from what people type.

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
