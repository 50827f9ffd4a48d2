/**
 * Practice progress: one FSRS memory state per question, keyed by the stable question id
 * `<noteId>#<sectionId>` that both languages share. The same shape is kept in VS Code's
 * globalState and written to export files, so an export is the stored value verbatim.
 */

export const progressVersion = 1;

/** FSRS's learning states, by name so that stored and exported files read plainly. */
export const cardStates = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof cardStates)[number];

/** The user's self-grade: 1 Again, 2 Hard, 3 Good, 4 Easy (as FSRS numbers them). */
export type Grade = 1 | 2 | 3 | 4;
export const grades: readonly Grade[] = [1, 2, 3, 4];

export interface CardRecord {
  /** ISO 8601 time the question is due again. */
  readonly due: string;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: CardState;
  /** ISO 8601 time of the last review; the newer record wins when progress is merged. */
  readonly lastReview: string;
  readonly lastGrade: Grade;
}

export interface ProgressData {
  readonly version: typeof progressVersion;
  /** Question id to its memory state. Questions never graded have no entry. */
  readonly cards: Readonly<Record<string, CardRecord>>;
}

/**
 * What the sidebar, the reader and the status bar show for a question: never practised; in
 * FSRS's short learning (or relearning) steps; in review, days apart; due; or mastered.
 */
export type QuestionState = 'new' | 'learning' | 'review' | 'due' | 'mastered';

/** Review intervals from three weeks on count as mastered, as Anki calls such cards mature. */
export const masteredDays = 21;

export const questionIdPattern = /^[a-z][a-z0-9-]{0,99}#[a-z0-9][a-z0-9-]{0,99}$/;

export function questionIdOf(noteId: string, sectionId: string): string {
  return `${noteId}#${sectionId}`;
}

export function noteIdOf(questionId: string): string {
  return questionId.slice(0, questionId.indexOf('#'));
}

export function emptyProgress(): ProgressData {
  return { version: progressVersion, cards: {} };
}

export function questionState(record: CardRecord | undefined, now: Date): QuestionState {
  if (!record) {
    return 'new';
  }
  if (Date.parse(record.due) <= now.getTime()) {
    return 'due';
  }
  if (record.state === 'review') {
    // A first Easy goes straight to review, days away: calling it "learning" would not be true.
    return record.scheduledDays >= masteredDays ? 'mastered' : 'review';
  }
  return 'learning';
}

export type ProgressParseResult =
  | { readonly ok: true; readonly progress: ProgressData; readonly unknownIds: readonly string[] }
  | { readonly ok: false; readonly problem: string };

/** Import files larger than this are refused before parsing. */
export const maxProgressFileBytes = 5 * 1024 * 1024;

/**
 * Validates an import file (or a stored value) completely before anything uses it: one
 * wrong field refuses the whole file, so a bad import changes nothing. Ids that are
 * well formed but name no question in the current notes are kept (a note may come back,
 * or live on another machine) and reported.
 */
export function parseProgress(text: string, knownIds?: ReadonlySet<string>): ProgressParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return validateProgress(value, knownIds);
}

export function validateProgress(value: unknown, knownIds?: ReadonlySet<string>): ProgressParseResult {
  if (!isObject(value)) {
    return { ok: false, problem: 'expected a JSON object with "version" and "cards"' };
  }
  if (value.version !== progressVersion) {
    return { ok: false, problem: `unsupported version ${(JSON.stringify(value.version) ?? 'undefined').slice(0, 40)} (expected ${progressVersion})` };
  }
  if (!isObject(value.cards)) {
    return { ok: false, problem: '"cards" must be an object of question ids' };
  }
  const cards: Record<string, CardRecord> = {};
  for (const [id, raw] of Object.entries(value.cards)) {
    if (!questionIdPattern.test(id)) {
      return { ok: false, problem: `"${id.slice(0, 120)}" is not a question id (expected note-id#question-id)` };
    }
    const record = validateRecord(raw);
    if (typeof record === 'string') {
      return { ok: false, problem: `${id}: ${record}` };
    }
    cards[id] = record;
  }
  const unknownIds = knownIds ? Object.keys(cards).filter((id) => !knownIds.has(id)) : [];
  return { ok: true, progress: { version: progressVersion, cards }, unknownIds };
}

/**
 * The largest value each number of a record may have. FSRS keeps difficulty within 1 to 10 and
 * intervals within its maximum of 36,500 days; stability (days) and counts past a million are
 * not practice but a crafted file.
 */
export const recordLimits = { stability: 1_000_000, difficulty: 10, scheduledDays: 36500, learningSteps: 1000, reps: 1_000_000, lapses: 1_000_000 } as const;

function validateRecord(raw: unknown): CardRecord | string {
  if (!isObject(raw)) {
    return 'expected an object';
  }
  for (const field of ['due', 'lastReview'] as const) {
    if (typeof raw[field] !== 'string' || Number.isNaN(Date.parse(raw[field]))) {
      return `"${field}" must be a date`;
    }
  }
  for (const field of ['stability', 'difficulty', 'scheduledDays'] as const) {
    const value = raw[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > recordLimits[field]) {
      return `"${field}" must be a number from 0 to ${recordLimits[field]}`;
    }
  }
  for (const field of ['learningSteps', 'reps', 'lapses'] as const) {
    const value = raw[field];
    if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > recordLimits[field]) {
      return `"${field}" must be a whole number from 0 to ${recordLimits[field]}`;
    }
  }
  if (!(cardStates as readonly unknown[]).includes(raw.state)) {
    return `"state" must be one of ${cardStates.join(', ')}`;
  }
  if (!(grades as readonly unknown[]).includes(raw.lastGrade)) {
    return '"lastGrade" must be 1, 2, 3 or 4';
  }
  // Rebuilt field by field: nothing unexpected from a file reaches the store.
  return {
    due: raw.due as string,
    stability: raw.stability as number,
    difficulty: raw.difficulty as number,
    scheduledDays: raw.scheduledDays as number,
    learningSteps: raw.learningSteps as number,
    reps: raw.reps as number,
    lapses: raw.lapses as number,
    state: raw.state as CardState,
    lastReview: raw.lastReview as string,
    lastGrade: raw.lastGrade as Grade,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface MergeResult {
  readonly progress: ProgressData;
  /** Ids whose record came from the incoming side. */
  readonly taken: readonly string[];
  /** Ids where the current record was newer (or the same) and was kept. */
  readonly kept: readonly string[];
}

/**
 * Merges imported progress into the current one, question by question: the record with
 * the later last review wins, so importing an old export never undoes newer practice; on
 * a tie the current record stays. Questions on one side only are kept from that side.
 */
export function mergeProgress(current: ProgressData, incoming: ProgressData): MergeResult {
  const cards: Record<string, CardRecord> = { ...current.cards };
  const taken: string[] = [];
  const kept: string[] = [];
  for (const [id, record] of Object.entries(incoming.cards)) {
    const existing = cards[id];
    if (!existing || Date.parse(record.lastReview) > Date.parse(existing.lastReview)) {
      cards[id] = record;
      taken.push(id);
    } else {
      kept.push(id);
    }
  }
  return { progress: { version: progressVersion, cards }, taken, kept };
}

/** Forgets every question of one note (the "reset topic" command). */
export function withoutNote(progress: ProgressData, noteId: string): ProgressData {
  const cards = Object.fromEntries(Object.entries(progress.cards).filter(([id]) => noteIdOf(id) !== noteId));
  return { version: progressVersion, cards };
}

export function withCard(progress: ProgressData, questionId: string, record: CardRecord): ProgressData {
  return { version: progressVersion, cards: { ...progress.cards, [questionId]: record } };
}

/** The export file: the stored value, indented, with a final newline. */
export function serializeProgress(progress: ProgressData): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}
