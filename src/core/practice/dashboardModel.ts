/**
 * What the practice dashboard shows, as plain JSON for its webview: the statistics
 * (statistics.ts) with the names of topics and questions, the heatmap's colour buckets, the
 * reviews of a chosen day, and the interview countdown and plan. The host passes everything in
 * (reviews, progress, the questions there are, the clock, the settings), so it is unit-tested.
 * The webview sets these strings as text only. Pure: no `vscode`.
 */
import { interviewPlan, type PlanDay } from './interviewPlan';
import { dayNumberOf, localDayNumber, type DayKey, type LocalCalendar } from './localDays';
import { noteIdOf, type Grade, type ProgressData } from './progress';
import type { ReviewRecord, ReviewSource } from './reviewLog';
import { clampRetention } from './scheduler';
import { firstReviewedOn, practiceStatistics, reviewsOnDay, type DueForecast, type Streaks, type TrueRetention } from './statistics';

/** One question of the library, named in the display language. */
export interface DashboardQuestion {
  /** `<noteId>#<sectionId>`. */
  readonly id: string;
  readonly title: string;
  readonly topicTitle: string;
}

/** What the user clicked: a topic (note id) and/or a day (`YYYY-MM-DD`). */
export interface DashboardSelection {
  readonly topic?: string;
  readonly day?: DayKey;
}

export interface DashboardInput {
  readonly reviews: readonly ReviewRecord[];
  readonly progress: ProgressData;
  /** Every question of every topic, in the order the Topics view lists them. */
  readonly questions: readonly DashboardQuestion[];
  readonly now: Date;
  readonly calendar: LocalCalendar;
  readonly desiredRetention: number;
  readonly selection?: DashboardSelection;
  /** The interview date setting (`YYYY-MM-DD`; empty or not a date: none). */
  readonly interviewDate?: string;
  /** The topics the interview is about (note ids); empty: all. */
  readonly interviewTopics?: readonly string[];
}

export interface DashboardTopic {
  readonly id: string;
  readonly title: string;
  readonly questions: number;
  readonly new: number;
  readonly learning: number;
  readonly due: number;
  readonly mastered: number;
  /** Average FSRS retrievability now, 0 to 1 (a new question counts 0). */
  readonly recall: number;
}

/** A heatmap cell: its reviews and a colour bucket, 0 (none) to 4 (the busiest days). */
export interface HeatmapDay {
  readonly day: DayKey;
  readonly count: number;
  readonly level: 0 | 1 | 2 | 3 | 4;
}

export interface DashboardReview {
  readonly time: string;
  readonly questionId: string;
  readonly question: string;
  readonly topic: string;
  readonly grade: Grade;
  readonly source: ReviewSource;
}

export interface DashboardMockInterview {
  readonly day: DayKey;
  readonly start: string;
  readonly questions: number;
  readonly averageGrade: number;
  readonly again: number;
  readonly totalSeconds: number | undefined;
}

export interface DashboardLeech {
  readonly questionId: string;
  readonly noteId: string;
  readonly sectionId: string;
  readonly question: string;
  readonly topic: string;
  readonly lapses: number;
}

export interface DashboardInterview {
  readonly date: DayKey;
  /** Local days from today to the interview day (0 on the day, negative after it). */
  readonly daysUntil: number;
  readonly topics: readonly string[];
  readonly questions: number;
  readonly unseen: number;
  readonly newPerDay: number;
  readonly questionsPerDay: number;
  readonly expectedRecall: number;
  readonly belowTarget: number;
  /** The plan's first days (at most `planDaysShown`). */
  readonly days: readonly PlanDay[];
}

export interface DashboardModel {
  readonly today: DayKey;
  /** Nothing graded yet (in any topic): the page says how to start. */
  readonly empty: boolean;
  readonly selection: DashboardSelection;
  /** The title of the chosen topic, when one is chosen and known. */
  readonly selectedTopicTitle?: string;
  /** Readiness of every topic (never filtered: it is where a topic is chosen). */
  readonly topics: readonly DashboardTopic[];
  readonly forecast: DueForecast;
  readonly heatmap: readonly HeatmapDay[];
  readonly totalReviews: number;
  readonly streaks: Streaks;
  readonly retention: { readonly desired: number; readonly lastMonth: TrueRetention; readonly allTime: TrueRetention };
  readonly mockInterviews: readonly DashboardMockInterview[];
  readonly leeches: readonly DashboardLeech[];
  /** The reviews of the chosen day, newest first (at most `maxDayReviews`). */
  readonly dayReviews?: readonly DashboardReview[];
  readonly interview?: DashboardInterview;
}

export const planDaysShown = 14;
export const maxDayReviews = 200;

/** Colour buckets relative to the busiest day of the year, as Anki's heatmap shades them. */
export function heatmapLevel(count: number, busiest: number): HeatmapDay['level'] {
  if (count <= 0 || busiest <= 0) {
    return 0;
  }
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / busiest))) as HeatmapDay['level'];
}

export function dashboardModel(input: DashboardInput): DashboardModel {
  const titles = new Map(input.questions.map((question) => [question.id, question]));
  const topicTitles = new Map<string, string>();
  for (const question of input.questions) {
    if (!topicTitles.has(noteIdOf(question.id))) {
      topicTitles.set(noteIdOf(question.id), question.topicTitle);
    }
  }
  const questionIds = input.questions.map((question) => question.id);
  const topic = input.selection?.topic !== undefined && topicTitles.has(input.selection.topic) ? input.selection.topic : undefined;
  const dayNumber = input.selection?.day !== undefined ? dayNumberOf(input.selection.day) : undefined;
  const selection: DashboardSelection = { topic, day: dayNumber !== undefined ? input.selection?.day : undefined };

  const all = practiceStatistics({ reviews: input.reviews, progress: input.progress, questionIds, now: input.now, calendar: input.calendar });
  const chosen = topic === undefined ? all : practiceStatistics({ reviews: input.reviews, progress: input.progress, questionIds, now: input.now, calendar: input.calendar, topics: new Set([topic]) });

  const questionTitle = (id: string) => titles.get(id)?.title ?? id.slice(id.indexOf('#') + 1);
  const topicTitle = (id: string) => topicTitles.get(noteIdOf(id)) ?? noteIdOf(id);
  const busiest = chosen.heatmap.reduce((most, day) => Math.max(most, day.count), 0);

  let dayReviews: DashboardReview[] | undefined;
  if (dayNumber !== undefined) {
    dayReviews = reviewsOnDay(input.reviews, dayNumber, input.calendar)
      .filter((review) => topic === undefined || noteIdOf(review.questionId) === topic)
      .reverse()
      .slice(0, maxDayReviews)
      .map((review) => ({ time: review.time, questionId: review.questionId, question: questionTitle(review.questionId), topic: topicTitle(review.questionId), grade: review.grade, source: review.source }));
  }

  return {
    today: all.today,
    empty: all.empty,
    selection,
    selectedTopicTitle: topic === undefined ? undefined : topicTitles.get(topic),
    topics: all.readiness.map((readiness) => ({
      id: readiness.topic,
      title: topicTitles.get(readiness.topic) ?? readiness.topic,
      questions: readiness.questions,
      new: readiness.new,
      learning: readiness.learning,
      due: readiness.due,
      mastered: readiness.mastered,
      recall: readiness.recall,
    })),
    forecast: chosen.forecast,
    heatmap: chosen.heatmap.map((day) => ({ day: day.day, count: day.count, level: heatmapLevel(day.count, busiest) })),
    totalReviews: chosen.heatmap.reduce((sum, day) => sum + day.count, 0),
    streaks: chosen.streaks,
    retention: { desired: clampRetention(input.desiredRetention), ...chosen.retention },
    mockInterviews: chosen.mockInterviews.map((mock) => ({
      day: mock.day,
      start: mock.start,
      questions: mock.answers.length,
      averageGrade: mock.averageGrade,
      again: mock.again,
      totalSeconds: mock.totalSeconds,
    })),
    leeches: chosen.leeches.map((leech) => ({
      questionId: leech.questionId,
      noteId: leech.topic,
      sectionId: leech.questionId.slice(leech.questionId.indexOf('#') + 1),
      question: questionTitle(leech.questionId),
      topic: topicTitle(leech.questionId),
      lapses: leech.lapses,
    })),
    dayReviews,
    interview: interviewOf(input, questionIds, topicTitles),
  };
}

function interviewOf(input: DashboardInput, questionIds: readonly string[], topicTitles: ReadonlyMap<string, string>): DashboardInterview | undefined {
  const date = input.interviewDate?.trim() ?? '';
  const interviewDay = dayNumberOf(date);
  if (interviewDay === undefined) {
    return undefined;
  }
  const wanted = (input.interviewTopics ?? []).filter((topic) => topicTitles.has(topic));
  const chosen = wanted.length > 0 ? new Set(wanted) : undefined;
  const plan = interviewPlan({
    interviewDay: date,
    now: input.now,
    calendar: input.calendar,
    questionIds: chosen ? questionIds.filter((id) => chosen.has(noteIdOf(id))) : questionIds,
    progress: input.progress,
    desiredRetention: input.desiredRetention,
    introducedToday: firstReviewedOn(input.reviews, localDayNumber(input.calendar, input.now.getTime()), input.calendar),
  });
  return {
    date,
    daysUntil: interviewDay - localDayNumber(input.calendar, input.now.getTime()),
    topics: wanted.map((topic) => topicTitles.get(topic) ?? topic),
    questions: plan.questions,
    unseen: plan.unseen,
    newPerDay: plan.newPerDay,
    questionsPerDay: plan.questionsPerDay,
    expectedRecall: plan.expectedRecall,
    belowTarget: plan.belowTarget,
    days: plan.days.slice(0, planDaysShown),
  };
}
