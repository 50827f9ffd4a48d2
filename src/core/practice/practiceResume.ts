/**
 * What the practice panel needs to come back after "Developer: Reload Window": the host sends
 * it with every card and end screen, the webview keeps it with `setState`, and VS Code hands it
 * to the panel's serializer after the reload. It comes back from the webview, so it is checked
 * as untrusted input. Pure: no `vscode`.
 */
import type { MockAnswer } from './mockInterview';
import { grades, questionIdPattern, type Grade } from './progress';

export type PracticeResume =
  | {
      readonly kind: 'practice';
      /** The session's questions; the queue is worked out again from the progress. */
      readonly questionIds: readonly string[];
      readonly includeNew: boolean;
      readonly newLimit: number;
    }
  | {
      readonly kind: 'mock';
      /** The questions not answered yet, the one on screen first. */
      readonly questionIds: readonly string[];
      readonly secondsPerQuestion: number;
      /** ISO 8601: the interview's start, which names it in the review log and the summary. */
      readonly startedAt: string;
      readonly answers: readonly MockAnswer[];
      /** When the question on screen was first shown (ms since the epoch): its time runs on from there. */
      readonly shownAt?: number;
    };

/** A mock interview has at most this many questions (the setting's maximum is 50). */
const maxQuestions = 10_000;
const maxTextLength = 20_000;

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isText = (value: unknown, max = maxTextLength): value is string => typeof value === 'string' && value.length <= max;

function questionIdsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > maxQuestions) {
    return undefined;
  }
  const ids = value.filter((id): id is string => typeof id === 'string' && questionIdPattern.test(id));
  return ids.length === value.length ? ids : undefined;
}

function answerOf(value: unknown): MockAnswer | undefined {
  if (!isFields(value)) {
    return undefined;
  }
  const { questionId, topic, question, seconds, timedOut, grade, notes } = value;
  if (
    typeof questionId !== 'string' ||
    !questionIdPattern.test(questionId) ||
    !isText(topic, 1000) ||
    !isText(question, 1000) ||
    !isFiniteNumber(seconds) ||
    seconds < 0 ||
    typeof timedOut !== 'boolean' ||
    !isText(notes) ||
    (grade !== undefined && !grades.includes(grade as Grade))
  ) {
    return undefined;
  }
  return { questionId, topic, question, seconds, timedOut, notes, ...(grade === undefined ? {} : { grade: grade as Grade }) };
}

/** The resume state from the webview, or undefined when it is not one (an older page, or tampered with). */
export function parsePracticeResume(raw: unknown): PracticeResume | undefined {
  if (!isFields(raw)) {
    return undefined;
  }
  const questionIds = questionIdsOf(raw.questionIds);
  if (!questionIds) {
    return undefined;
  }
  if (raw.kind === 'practice') {
    const { includeNew, newLimit } = raw;
    if (typeof includeNew !== 'boolean' || !isFiniteNumber(newLimit) || newLimit < 0) {
      return undefined;
    }
    return { kind: 'practice', questionIds, includeNew, newLimit: Math.floor(newLimit) };
  }
  if (raw.kind !== 'mock') {
    return undefined;
  }
  const { secondsPerQuestion, startedAt, answers, shownAt } = raw;
  if (!isFiniteNumber(secondsPerQuestion) || secondsPerQuestion <= 0 || !isText(startedAt, 40) || Number.isNaN(Date.parse(startedAt)) || !Array.isArray(answers) || answers.length > maxQuestions) {
    return undefined;
  }
  const parsedAnswers = answers.map(answerOf);
  if (parsedAnswers.some((answer) => answer === undefined) || (shownAt !== undefined && !isFiniteNumber(shownAt))) {
    return undefined;
  }
  return {
    kind: 'mock',
    questionIds,
    secondsPerQuestion,
    startedAt: new Date(startedAt).toISOString(),
    answers: parsedAnswers as MockAnswer[],
    ...(shownAt === undefined ? {} : { shownAt }),
  };
}
