/**
 * The review log: one record per graded question, kept as JSON Lines in segment files that
 * are written whole and never changed (the host's ReviewLogStore). Progress (progress.ts) says
 * where each question stands now; the log says how it got there, for the dashboard's
 * statistics and for a later FSRS optimisation. Pure: no `vscode`.
 */
import { cardStates, grades, questionIdPattern, type CardRecord, type CardState, type Grade } from './progress';

export const reviewSources = ['practice', 'mock', 'chat'] as const;
export type ReviewSource = (typeof reviewSources)[number];

/** FSRS's memory state of a question at one moment; a new question has stability and difficulty 0. */
export interface MemoryState {
  readonly stability: number;
  readonly difficulty: number;
  readonly state: CardState;
}

export interface ReviewRecord {
  /** `<noteId>#<sectionId>`, the id both languages share. */
  readonly questionId: string;
  /** ISO 8601 time of the review, in UTC with milliseconds (`Date.prototype.toISOString`). */
  readonly time: string;
  readonly grade: Grade;
  /** Days since the question's previous review (fractional); 0 for its first review. */
  readonly elapsedDays: number;
  /**
   * The interval the question had been given when this review came, in days (ts-fsrs's
   * `ReviewLog.scheduled_days`, Anki's `lastIvl`); 0 for a new question. Beside `elapsedDays`
   * it tells a review on time from a late or early one, and it sorts young from mature cards.
   */
  readonly scheduledDays: number;
  readonly before: MemoryState;
  readonly after: MemoryState;
  readonly source: ReviewSource;
  /** Seconds spent before revealing the answer (mock interviews time each question). */
  readonly seconds?: number;
  /** The mock interview's time ran out before the answer was revealed. */
  readonly timedOut?: boolean;
  /** Groups the reviews of one mock interview (or one practice session), e.g. its start time. */
  readonly session?: string;
}

const newMemory: MemoryState = { stability: 0, difficulty: 0, state: 'new' };

function memoryOf(record: CardRecord | undefined): MemoryState {
  return record ? { stability: record.stability, difficulty: record.difficulty, state: record.state } : newMemory;
}

const dayMs = 24 * 60 * 60_000;

/** The review a grade made: `before` is the record graded (undefined for a new question), `after` the scheduler's answer. */
export function reviewOf(
  questionId: string,
  before: CardRecord | undefined,
  after: CardRecord,
  source: ReviewSource,
  extra: Pick<ReviewRecord, 'seconds' | 'timedOut' | 'session'> = {},
): ReviewRecord {
  const time = after.lastReview;
  const elapsedDays = before ? Math.max(0, (Date.parse(time) - Date.parse(before.lastReview)) / dayMs) : 0;
  return {
    questionId,
    time: new Date(time).toISOString(),
    grade: after.lastGrade,
    elapsedDays: roundDays(elapsedDays),
    scheduledDays: before ? before.scheduledDays : 0,
    before: memoryOf(before),
    after: memoryOf(after),
    source,
    ...extra,
  };
}

/** Four decimals of a day are about nine seconds: enough, and the lines stay short. */
function roundDays(days: number): number {
  return Math.round(days * 10_000) / 10_000;
}

/** The identity of a review across files: the same question graded at the same millisecond is the same review. */
export function reviewKey(review: ReviewRecord): string {
  return `${review.questionId}@${review.time}`;
}

/** One review a line; fields in a fixed order, so equal logs are equal files. */
export function serializeReviews(reviews: readonly ReviewRecord[]): string {
  return reviews.map((review) => `${JSON.stringify(normalized(review))}\n`).join('');
}

function normalized(review: ReviewRecord): ReviewRecord {
  return {
    questionId: review.questionId,
    time: review.time,
    grade: review.grade,
    elapsedDays: review.elapsedDays,
    scheduledDays: review.scheduledDays,
    before: { stability: review.before.stability, difficulty: review.before.difficulty, state: review.before.state },
    after: { stability: review.after.stability, difficulty: review.after.difficulty, state: review.after.state },
    source: review.source,
    ...(review.seconds !== undefined ? { seconds: review.seconds } : {}),
    ...(review.timedOut !== undefined ? { timedOut: review.timedOut } : {}),
    ...(review.session !== undefined ? { session: review.session } : {}),
  };
}

export interface LineProblem {
  /** 1-based line number within the file. */
  readonly line: number;
  readonly reason: string;
}

export interface ReviewParseResult {
  readonly reviews: readonly ReviewRecord[];
  /** At most `maxReportedProblems` of the bad lines, in file order. */
  readonly problems: readonly LineProblem[];
  /** How many lines were bad in all (may exceed `problems.length`). */
  readonly badLines: number;
}

/** A review line is about 250 characters; a line past this is not one of ours and is not parsed. */
export const maxReviewLineLength = 4096;
/** Enough to say what is wrong with a file without flooding a notification or the log. */
export const maxReportedProblems = 20;

/**
 * Reads a segment: each good line becomes a review, each bad line is reported with its line
 * number and why, and the good ones are kept. Blank lines (the final newline) are skipped.
 * Linear in the text: one split, then JSON.parse of each bounded line.
 */
export function parseReviews(text: string): ReviewParseResult {
  const reviews: ReviewRecord[] = [];
  const problems: LineProblem[] = [];
  let badLines = 0;
  const report = (line: number, reason: string) => {
    badLines++;
    if (problems.length < maxReportedProblems) {
      problems.push({ line, reason });
    }
  };
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].endsWith('\r') ? lines[index].slice(0, -1) : lines[index];
    if (line.trim() === '') {
      continue;
    }
    if (line.length > maxReviewLineLength) {
      report(index + 1, `longer than ${maxReviewLineLength} characters`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      report(index + 1, 'not JSON');
      continue;
    }
    const review = validateReview(value);
    if (typeof review === 'string') {
      report(index + 1, review);
    } else {
      reviews.push(review);
    }
  }
  return { reviews, problems, badLines };
}

/** Limits past which a number is a crafted file rather than practice (as progress.ts's recordLimits). */
const limits = { days: 36500, stability: 1_000_000, difficulty: 10, seconds: 24 * 60 * 60 } as const;
const sessionPattern = /^[\w:.+-]{1,64}$/;

/** A review rebuilt field by field from parsed JSON, or why it is not one. */
export function validateReview(raw: unknown): ReviewRecord | string {
  if (!isObject(raw)) {
    return 'expected a JSON object';
  }
  if (typeof raw.questionId !== 'string' || !questionIdPattern.test(raw.questionId)) {
    return '"questionId" must be a question id (note-id#question-id)';
  }
  if (typeof raw.time !== 'string' || raw.time.length > 40 || Number.isNaN(Date.parse(raw.time))) {
    return '"time" must be an ISO 8601 date';
  }
  if (!(grades as readonly unknown[]).includes(raw.grade)) {
    return '"grade" must be 1, 2, 3 or 4';
  }
  for (const field of ['elapsedDays', 'scheduledDays'] as const) {
    if (!isNumberWithin(raw[field], limits.days)) {
      return `"${field}" must be a number from 0 to ${limits.days}`;
    }
  }
  const before = validateMemory(raw.before);
  if (typeof before === 'string') {
    return `"before": ${before}`;
  }
  const after = validateMemory(raw.after);
  if (typeof after === 'string') {
    return `"after": ${after}`;
  }
  if (!(reviewSources as readonly unknown[]).includes(raw.source)) {
    return `"source" must be one of ${reviewSources.join(', ')}`;
  }
  if (raw.seconds !== undefined && !isNumberWithin(raw.seconds, limits.seconds)) {
    return `"seconds" must be a number from 0 to ${limits.seconds}`;
  }
  if (raw.timedOut !== undefined && typeof raw.timedOut !== 'boolean') {
    return '"timedOut" must be true or false';
  }
  if (raw.session !== undefined && (typeof raw.session !== 'string' || !sessionPattern.test(raw.session))) {
    return '"session" must be up to 64 letters, digits or . : + - _';
  }
  return normalized({
    questionId: raw.questionId,
    time: new Date(raw.time).toISOString(),
    grade: raw.grade as Grade,
    elapsedDays: raw.elapsedDays as number,
    scheduledDays: raw.scheduledDays as number,
    before,
    after,
    source: raw.source as ReviewSource,
    seconds: raw.seconds as number | undefined,
    timedOut: raw.timedOut as boolean | undefined,
    session: raw.session as string | undefined,
  });
}

function validateMemory(raw: unknown): MemoryState | string {
  if (!isObject(raw)) {
    return 'expected an object';
  }
  if (!isNumberWithin(raw.stability, limits.stability)) {
    return `"stability" must be a number from 0 to ${limits.stability}`;
  }
  if (!isNumberWithin(raw.difficulty, limits.difficulty)) {
    return `"difficulty" must be a number from 0 to ${limits.difficulty}`;
  }
  if (!(cardStates as readonly unknown[]).includes(raw.state)) {
    return `"state" must be one of ${cardStates.join(', ')}`;
  }
  return { stability: raw.stability as number, difficulty: raw.difficulty as number, state: raw.state as CardState };
}

function isNumberWithin(value: unknown, maximum: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= maximum;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Several logs as one, in time order, each review once (by `reviewKey`; the first copy met
 * wins). Used to read all segments and to import another machine's log.
 */
export function mergeReviews(...logs: readonly (readonly ReviewRecord[])[]): ReviewRecord[] {
  const seen = new Set<string>();
  const merged: ReviewRecord[] = [];
  for (const log of logs) {
    for (const review of log) {
      const key = reviewKey(review);
      if (!seen.has(key)) {
        seen.add(key);
        merged.push(review);
      }
    }
  }
  // Stable sort: reviews at the same millisecond keep the order they were met in.
  return merged.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

const segmentPrefix = 'reviews-';
const segmentSuffix = '.jsonl';
const segmentNamePattern = /^reviews-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z0-9]{1,32}\.jsonl$/;

/**
 * A segment's file name: `reviews-2026-12-05T09-30-00-000Z-k3j9x2.jsonl`. The time (with `-` for
 * `:`, which Windows refuses in names) sorts the names in the order they were written; the
 * random part keeps two windows writing at the same millisecond apart.
 */
export function segmentName(time: Date, randomPart: string): string {
  const suffix = randomPart.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 32) || '0';
  return `${segmentPrefix}${time.toISOString().replace(/[:.]/g, '-')}-${suffix}${segmentSuffix}`;
}

export function isSegmentName(name: string): boolean {
  return segmentNamePattern.test(name);
}

/**
 * Whether a segment was written at or after `time`, from its name. A review is always written
 * after it happened, so the reviews since `time` all lie in such segments (with older ones
 * an import or a merge wrote since).
 */
export function segmentWrittenSince(name: string, time: Date): boolean {
  return name.slice(segmentPrefix.length, segmentPrefix.length + 24) >= time.toISOString().replace(/[:.]/g, '-');
}
