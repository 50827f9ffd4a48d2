/**
 * The progress export file. Version 1 held the progress as stored (progress.ts); version 2
 * adds the review log, one review a line, so that the history travels with the progress. What
 * Settings Sync carries stays the small version-1 state: only the file changes. Version-1
 * files still import. Pure: no `vscode`.
 */
import { maxReportedProblems, serializeReviews, validateReview, type LineProblem, type ReviewRecord } from './reviewLog';
import { progressVersion, validateProgress, type ProgressData } from './progress';

export const progressExportVersion = 2;

/** A year of daily practice is a few MB of reviews; past this a file is not an export of ours. */
export const maxProgressExportBytes = 64 * 1024 * 1024;

/** The export: the cards as in version 1, then `"reviews"` with one review a line. */
export function serializeProgressExport(progress: ProgressData, reviews: readonly ReviewRecord[]): string {
  const head = JSON.stringify({ version: progressExportVersion, cards: progress.cards }, null, 2);
  const lines = serializeReviews(reviews).split('\n').filter((line) => line !== '');
  const list = lines.length === 0 ? '[]' : `[\n${lines.map((line) => `    ${line}`).join(',\n')}\n  ]`;
  // `head` ends with "\n}": the reviews go before that brace.
  return `${head.slice(0, -2)},\n  "reviews": ${list}\n}\n`;
}

export type ProgressExportParseResult =
  | {
      readonly ok: true;
      readonly version: 1 | 2;
      readonly progress: ProgressData;
      /** Card ids that name no question in the current notes (kept all the same). */
      readonly unknownIds: readonly string[];
      /** The good reviews, in file order. */
      readonly reviews: readonly ReviewRecord[];
      /** Bad reviews by their place in `"reviews"` (1-based), at most `maxReportedProblems`. */
      readonly reviewProblems: readonly LineProblem[];
      readonly badReviews: number;
      /** Why no review at all could be read, when `"reviews"` is not a list. */
      readonly reviewLogProblem?: string;
    }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads an export file. The progress part is validated whole as before: one wrong field refuses
 * the file and nothing changes. The review log is read review by review: a bad one is reported
 * by its place and left out, the good ones are kept; the file itself is never written to.
 */
export function parseProgressExport(text: string, knownIds?: ReadonlySet<string>): ProgressExportParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'expected a JSON object with "version" and "cards"' };
  }
  const file = value as Record<string, unknown>;
  if (file.version !== progressVersion && file.version !== progressExportVersion) {
    return { ok: false, problem: `unsupported version ${(JSON.stringify(file.version) ?? 'undefined').slice(0, 40)} (expected 1 or 2)` };
  }
  const progress = validateProgress({ version: progressVersion, cards: file.cards }, knownIds);
  if (!progress.ok) {
    return progress;
  }
  const version: 1 | 2 = file.version === progressExportVersion ? 2 : 1;
  const empty = { ok: true as const, version, progress: progress.progress, unknownIds: progress.unknownIds, reviews: [], reviewProblems: [], badReviews: 0 };
  if (version === 1 || file.reviews === undefined) {
    return empty;
  }
  if (!Array.isArray(file.reviews)) {
    return { ...empty, reviewLogProblem: '"reviews" must be a list of reviews' };
  }
  const reviews: ReviewRecord[] = [];
  const reviewProblems: LineProblem[] = [];
  let badReviews = 0;
  file.reviews.forEach((raw: unknown, index) => {
    const review = validateReview(raw);
    if (typeof review !== 'string') {
      reviews.push(review);
      return;
    }
    badReviews++;
    if (reviewProblems.length < maxReportedProblems) {
      reviewProblems.push({ line: index + 1, reason: review });
    }
  });
  return { ...empty, reviews, reviewProblems, badReviews };
}
