/**
 * Cell text as a reader sees it: footnote markup gone with its text kept
 * ("20 <sup>th</sup>" → "20th"), markdown bold markers gone, one space
 * between words. Typos such as "Information to в MJ" stay as written: the
 * import records what the plan says and does not correct it.
 */
export function normalizeCellText(text: string): string {
  return text
    .replace(/(\d)\s*<sup>\s*(st|nd|rd|th)\s*<\/sup>/gi, '$1$2')
    .replace(/<sup>(.*?)<\/sup>/gi, '$1')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
