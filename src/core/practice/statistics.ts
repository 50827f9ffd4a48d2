/**
 * The practice dashboard's figures, from the review log, the current progress and a clock
 * (all passed in, so tests fix them). Days are local days of the given calendar (localDays.ts).
 * Pure: no `vscode`.
 */
import { dayKeyOf, localDayNumber, type DayKey, type LocalCalendar } from './localDays';
import { masteredDays, noteIdOf, questionState, type CardRecord, type Grade, type ProgressData } from './progress';
import { retrievability } from './recall';
import type { ReviewRecord } from './reviewLog';

/**
 * Anki's default leech threshold: "each time a review card lapses ... a counter increases.
 * When this counter reaches 8, Anki tags the note as a leech" (https://docs.ankiweb.net/leeches.html).
 * FSRS counts lapses the same way (Again on a question in review), in `CardRecord.lapses`.
 */
export const ankiLeechThreshold = 8;

export interface TopicReadiness {
  /** The note id: a topic is a note. */
  readonly topic: string;
  readonly questions: number;
  /** Never graded. */
  readonly new: number;
  /** Graded, not due, and not yet mastered. */
  readonly learning: number;
  /** Due now (overdue included). */
  readonly due: number;
  /**
   * Mastered, as the Topics tree says it (progress.ts `questionState`): not due, in FSRS's
   * Review state, and last given an interval of at least 21 days (`masteredDays`, what Anki
   * calls a mature card).
   */
  readonly mastered: number;
  /** FSRS retrievability now, averaged over all the topic's questions; a new question counts 0. */
  readonly recall: number;
  /** The same average over the questions graded at least once; undefined when none was. */
  readonly recallOfSeen: number | undefined;
}

interface DatedReview {
  readonly review: ReviewRecord;
  /** ms since the epoch */
  readonly time: number;
  /** local day number */
  readonly day: number;
}

const datedCache = new WeakMap<readonly ReviewRecord[], { readonly calendar: LocalCalendar; readonly entries: readonly DatedReview[] }>();

/**
 * The reviews with their time and local day, in time order, worked out once per log and
 * calendar: the dashboard's figures all read the same log (10,000 reviews and more).
 */
function dated(reviews: readonly ReviewRecord[], calendar: LocalCalendar): readonly DatedReview[] {
  const cached = datedCache.get(reviews);
  if (cached && cached.calendar === calendar) {
    return cached.entries;
  }
  const entries = reviews.map((review) => {
    const time = Date.parse(review.time);
    return { review, time, day: localDayNumber(calendar, time) };
  });
  // Stable: reviews at the same millisecond keep their order.
  entries.sort((a, b) => a.time - b.time);
  datedCache.set(reviews, { calendar, entries });
  return entries;
}

function recordOf(progress: ProgressData, questionId: string): CardRecord | undefined {
  return Object.hasOwn(progress.cards, questionId) ? progress.cards[questionId] : undefined;
}

/** Readiness of each topic, in the order the topics first appear in `questionIds`. */
export function readinessByTopic(questionIds: readonly string[], progress: ProgressData, now: Date): TopicReadiness[] {
  interface Tally { topic: string; questions: number; new: number; learning: number; due: number; mastered: number; recall: number; seen: number; recallOfSeen: number }
  const tallies = new Map<string, Tally>();
  for (const id of new Set(questionIds)) {
    const topic = noteIdOf(id);
    let tally = tallies.get(topic);
    if (!tally) {
      tally = { topic, questions: 0, new: 0, learning: 0, due: 0, mastered: 0, recall: 0, seen: 0, recallOfSeen: 0 };
      tallies.set(topic, tally);
    }
    const record = recordOf(progress, id);
    tally.questions++;
    // The dashboard's four columns: "learning" is every seen question neither due nor mastered,
    // so a question in review (a first Easy, or gaps under three weeks) counts there.
    const state = questionState(record, now);
    tally[state === 'review' ? 'learning' : state]++;
    if (record) {
      const recall = retrievability(record, now.getTime());
      tally.recall += recall;
      tally.recallOfSeen += recall;
      tally.seen++;
    }
  }
  return [...tallies.values()].map((tally) => ({
    topic: tally.topic,
    questions: tally.questions,
    new: tally.new,
    learning: tally.learning,
    due: tally.due,
    mastered: tally.mastered,
    recall: tally.questions > 0 ? tally.recall / tally.questions : 0,
    recallOfSeen: tally.seen > 0 ? tally.recallOfSeen / tally.seen : undefined,
  }));
}

export interface DayCount {
  readonly day: DayKey;
  readonly count: number;
}

export interface DueForecast {
  /** Questions whose due time has passed (they are also counted in today's figure). */
  readonly overdue: number;
  /** One entry per local day from today on; today counts everything due by its end. */
  readonly days: readonly DayCount[];
}

/** How many questions come due on each of the next `days` local days (Anki's "Future Due"). */
export function dueForecast(cards: readonly CardRecord[], now: Date, calendar: LocalCalendar, days = 30): DueForecast {
  const today = localDayNumber(calendar, now.getTime());
  const counts = new Array<number>(days).fill(0);
  let overdue = 0;
  for (const card of cards) {
    const due = Date.parse(card.due);
    if (due <= now.getTime()) {
      overdue++;
    }
    const offset = Math.max(0, localDayNumber(calendar, due) - today);
    if (offset < days) {
      counts[offset]++;
    }
  }
  return { overdue, days: counts.map((count, index) => ({ day: dayKeyOf(today + index), count })) };
}

/** Reviews per local day over the `days` days that end today, oldest first (the calendar heatmap). */
export function reviewHeatmap(reviews: readonly ReviewRecord[], now: Date, calendar: LocalCalendar, days = 365): DayCount[] {
  const today = localDayNumber(calendar, now.getTime());
  const first = today - days + 1;
  const counts = new Array<number>(days).fill(0);
  for (const { day } of dated(reviews, calendar)) {
    if (day >= first && day <= today) {
      counts[day - first]++;
    }
  }
  return counts.map((count, index) => ({ day: dayKeyOf(first + index), count }));
}

export interface Streaks {
  /**
   * Consecutive local days with at least one review, ending today; a streak that reached
   * yesterday still counts until today ends (today may not have been practised yet).
   */
  readonly current: number;
  readonly longest: number;
  /** Whether today already has a review (the current streak then includes today). */
  readonly practisedToday: boolean;
}

export function streaks(reviews: readonly ReviewRecord[], now: Date, calendar: LocalCalendar): Streaks {
  const today = localDayNumber(calendar, now.getTime());
  const days = new Set<number>();
  for (const { day } of dated(reviews, calendar)) {
    if (day <= today) {
      days.add(day);
    }
  }
  const practisedToday = days.has(today);
  let current = 0;
  for (let day = practisedToday ? today : today - 1; days.has(day); day--) {
    current++;
  }
  let longest = 0;
  let run = 0;
  let previous: number | undefined;
  for (const day of [...days].sort((a, b) => a - b)) {
    run = previous !== undefined && day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest, practisedToday };
}

export interface RetentionCount {
  /** First reviews of a day that were not Again. */
  readonly passed: number;
  readonly total: number;
  /** passed / total; undefined when there was no such review. */
  readonly rate: number | undefined;
}

export interface TrueRetention {
  /** Questions whose interval was under 21 days when reviewed. */
  readonly young: RetentionCount;
  /** Questions whose interval was 21 days or more (`masteredDays`). */
  readonly mature: RetentionCount;
  readonly all: RetentionCount;
}

export interface DayRange {
  /** First local day counted (day number, see localDays.ts); unbounded when absent. */
  readonly from?: number;
  /** Last local day counted; unbounded when absent. */
  readonly to?: number;
}

/**
 * Anki's "true retention": of the reviews of questions in FSRS's Review state, only the first
 * of each question on each local day counts (a relearning step the same day is not a new
 * test of memory), and it passed unless graded Again. Young and mature split at 21 days of
 * interval, the interval the question had when it was reviewed (`scheduledDays`).
 */
export function trueRetention(reviews: readonly ReviewRecord[], calendar: LocalCalendar, range: DayRange = {}): TrueRetention {
  const counted = new Set<string>();
  const young = { passed: 0, total: 0 };
  const mature = { passed: 0, total: 0 };
  for (const { review, day } of dated(reviews, calendar)) {
    if ((range.from !== undefined && day < range.from) || (range.to !== undefined && day > range.to)) {
      continue;
    }
    const key = `${review.questionId}@${day}`;
    if (counted.has(key)) {
      continue;
    }
    counted.add(key);
    if (review.before.state !== 'review') {
      continue;
    }
    const bucket = review.scheduledDays >= masteredDays ? mature : young;
    bucket.total++;
    if (review.grade > 1) {
      bucket.passed++;
    }
  }
  const count = (bucket: { passed: number; total: number }): RetentionCount => ({ ...bucket, rate: bucket.total > 0 ? bucket.passed / bucket.total : undefined });
  return { young: count(young), mature: count(mature), all: count({ passed: young.passed + mature.passed, total: young.total + mature.total }) };
}

export interface MockAnswerRecord {
  readonly questionId: string;
  readonly grade: Grade;
  readonly seconds: number | undefined;
  readonly timedOut: boolean;
}

export interface MockInterviewRecord {
  /** The session id the reviews carry, or `day:<YYYY-MM-DD>` for mock reviews without one. */
  readonly session: string;
  /** Time of its first graded answer. */
  readonly start: string;
  readonly day: DayKey;
  readonly answers: readonly MockAnswerRecord[];
  readonly averageGrade: number;
  /** Answers graded Again. */
  readonly again: number;
  /** Sum of the answers' seconds; undefined when none was timed. */
  readonly totalSeconds: number | undefined;
}

/**
 * Mock interviews over time, oldest first, from the reviews whose source is `mock`. Only
 * graded answers are reviews: a mock answer left ungraded is not in the log.
 */
export function mockInterviewHistory(reviews: readonly ReviewRecord[], calendar: LocalCalendar): MockInterviewRecord[] {
  const sessions = new Map<string, { day: number; list: ReviewRecord[] }>();
  for (const { review, day } of dated(reviews, calendar)) {
    if (review.source !== 'mock') {
      continue;
    }
    const session = review.session ?? `day:${dayKeyOf(day)}`;
    const entry = sessions.get(session) ?? { day, list: [] };
    entry.list.push(review);
    sessions.set(session, entry);
  }
  return [...sessions.entries()].map(([session, { day, list }]) => {
    const timed = list.filter((review) => review.seconds !== undefined);
    return {
      session,
      start: list[0].time,
      day: dayKeyOf(day),
      answers: list.map((review) => ({ questionId: review.questionId, grade: review.grade, seconds: review.seconds, timedOut: review.timedOut ?? false })),
      averageGrade: list.reduce((sum, review) => sum + review.grade, 0) / list.length,
      again: list.filter((review) => review.grade === 1).length,
      totalSeconds: timed.length > 0 ? timed.reduce((sum, review) => sum + (review.seconds ?? 0), 0) : undefined,
    };
  });
}

export interface Leech {
  readonly questionId: string;
  readonly topic: string;
  readonly lapses: number;
  readonly lastReview: string;
}

/** Questions forgotten again and again: `lapses` at or above the threshold, most lapses first. */
export function leeches(progress: ProgressData, threshold = ankiLeechThreshold, questionIds?: ReadonlySet<string>): Leech[] {
  return Object.entries(progress.cards)
    .filter(([id, card]) => card.lapses >= threshold && (!questionIds || questionIds.has(id)))
    .map(([questionId, card]) => ({ questionId, topic: noteIdOf(questionId), lapses: card.lapses, lastReview: card.lastReview }))
    .sort((a, b) => b.lapses - a.lapses || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
}

/** The reviews of one local day (the dashboard filters by a clicked day). */
export function reviewsOnDay(reviews: readonly ReviewRecord[], day: number, calendar: LocalCalendar): ReviewRecord[] {
  return dated(reviews, calendar)
    .filter((entry) => entry.day === day)
    .map((entry) => entry.review);
}

/** Questions graded for the first time on one local day (the interview plan counts them against that day's share). */
export function firstReviewedOn(reviews: readonly ReviewRecord[], day: number, calendar: LocalCalendar): string[] {
  const ids = reviewsOnDay(reviews, day, calendar)
    .filter((review) => review.before.state === 'new')
    .map((review) => review.questionId);
  return [...new Set(ids)];
}

export interface StatisticsInput {
  readonly reviews: readonly ReviewRecord[];
  readonly progress: ProgressData;
  /** The questions of the notes there are now (`<noteId>#<sectionId>`). */
  readonly questionIds: readonly string[];
  readonly now: Date;
  readonly calendar: LocalCalendar;
  /** Only these topics (note ids); all when absent (the dashboard's topic filter). */
  readonly topics?: ReadonlySet<string>;
  readonly leechThreshold?: number;
}

export interface PracticeStatistics {
  readonly today: DayKey;
  readonly readiness: readonly TopicReadiness[];
  readonly forecast: DueForecast;
  readonly heatmap: readonly DayCount[];
  readonly streaks: Streaks;
  /** Over the last 30 local days, today included, and over the whole log. */
  readonly retention: { readonly lastMonth: TrueRetention; readonly allTime: TrueRetention };
  readonly mockInterviews: readonly MockInterviewRecord[];
  readonly leeches: readonly Leech[];
  /** Nothing graded yet: the dashboard shows how to start. */
  readonly empty: boolean;
}

/** Everything the dashboard shows, for all topics or the chosen ones. */
export function practiceStatistics(input: StatisticsInput): PracticeStatistics {
  const inTopics = (id: string) => !input.topics || input.topics.has(noteIdOf(id));
  const questionIds = input.questionIds.filter(inTopics);
  const known = new Set(questionIds);
  const reviews = input.reviews.filter((review) => inTopics(review.questionId));
  const cards = Object.entries(input.progress.cards)
    .filter(([id]) => known.has(id))
    .map(([, card]) => card);
  const today = localDayNumber(input.calendar, input.now.getTime());
  return {
    today: dayKeyOf(today),
    readiness: readinessByTopic(questionIds, input.progress, input.now),
    forecast: dueForecast(cards, input.now, input.calendar),
    heatmap: reviewHeatmap(reviews, input.now, input.calendar),
    streaks: streaks(reviews, input.now, input.calendar),
    retention: { lastMonth: trueRetention(reviews, input.calendar, { from: today - 29, to: today }), allTime: trueRetention(reviews, input.calendar) },
    mockInterviews: mockInterviewHistory(reviews, input.calendar),
    leeches: leeches(input.progress, input.leechThreshold, known),
    empty: reviews.length === 0 && cards.length === 0,
  };
}
