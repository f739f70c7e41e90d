import type { CodeEdition } from '../../db/schema.js';

// A qualification is a set of articles of the Criminal Code, each with the
// part and paragraph that aggravate it. The rules about it are plain data
// rules, kept apart from the database so that they can be read and tested.

export interface QualifiedArticle {
  articleId: number;
  part?: string | null | undefined;
  paragraph?: string | null | undefined;
}

export interface LocalizedRef {
  ru: string;
  kk: string;
  en: string;
}

function keyOf(article: QualifiedArticle): string {
  return `${article.articleId}|${article.part ?? ''}|${article.paragraph ?? ''}`;
}

/**
 * Whether two qualifications name the same articles with the same parts and
 * paragraphs, in any order. Moving from part 2 to part 3 of the same article
 * (an aggravating circumstance found) is a re-qualification; reordering is not.
 */
export function sameQualification(a: readonly QualifiedArticle[], b: readonly QualifiedArticle[]): boolean {
  const left = new Set(a.map(keyOf));
  const right = new Set(b.map(keyOf));
  return left.size === right.size && [...left].every((key) => right.has(key));
}

/** The positions of the articles that are not of the edition: at registration, every article is of the Code in force. */
export function articlesOutsideEdition(articles: readonly { edition: CodeEdition }[], edition: CodeEdition): number[] {
  return articles.flatMap((article, index) => (article.edition === edition ? [] : [index]));
}

/**
 * The article as it is printed in each language: "128 ч.3 п.2" in Russian
 * procedural documents, "128-бап 3-бөлік 2-тармақ" in Kazakh, "128(3)(2)" in
 * English and in the statistics. An article row that already names its part
 * (the 1997 Code's "125(3)(b)") prints as it is.
 */
export function articleRef(article: string, part?: string | null, paragraph?: string | null): LocalizedRef {
  const ru = [article, part ? `ч.${part}` : null, paragraph ? `п.${paragraph}` : null].filter(Boolean).join(' ');
  const kk = [article.concat(part || paragraph ? '-бап' : ''), part ? `${part}-бөлік` : null, paragraph ? `${paragraph}-тармақ` : null].filter(Boolean).join(' ');
  const en = `${article}${part ? `(${part})` : ''}${paragraph ? `(${paragraph})` : ''}`;
  return { ru, kk, en };
}
