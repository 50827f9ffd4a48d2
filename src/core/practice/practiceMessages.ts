import type { PracticeResume } from './practiceResume';
import { grades, type Grade } from './progress';

/**
 * Messages the practice webview may send. As with the reader, everything from a webview
 * is untrusted: unknown types, missing fields and oversized values are dropped.
 */
export type PracticeMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly timedOut: boolean }
  | { readonly type: 'grade'; readonly grade: Grade; readonly notes: string }
  /** What the user has typed so far in the mock interview, so the host keeps it if the page is rebuilt. */
  | { readonly type: 'draft'; readonly notes: string }
  /** "Continue with the next N" on the end screen of a practice session. */
  | { readonly type: 'continue' }
  | { readonly type: 'saveSummary' }
  | { readonly type: 'openLink'; readonly href: string };

export const maxAnswerNotesLength = 20_000;
const maxLinkLength = 2048;

export function parsePracticeMessage(message: unknown): PracticeMessage | undefined {
  if (typeof message !== 'object' || message === null) {
    return undefined;
  }
  const fields = message as Record<string, unknown>;
  switch (fields.type) {
    case 'ready':
    case 'continue':
    case 'saveSummary':
      return { type: fields.type };
    case 'draft':
      return typeof fields.notes === 'string' && fields.notes.length <= maxAnswerNotesLength ? { type: 'draft', notes: fields.notes } : undefined;
    case 'reveal':
      return { type: 'reveal', timedOut: fields.timedOut === true };
    case 'grade': {
      const notes = fields.notes ?? '';
      if (!(grades as readonly unknown[]).includes(fields.grade) || typeof notes !== 'string' || notes.length > maxAnswerNotesLength) {
        return undefined;
      }
      return { type: 'grade', grade: fields.grade as Grade, notes };
    }
    case 'openLink':
      return typeof fields.href === 'string' && fields.href.length <= maxLinkLength ? { type: 'openLink', href: fields.href } : undefined;
    default:
      return undefined;
  }
}

// What the host sends the practice webview (src/webview/practice.ts reads the same types).

/** The card as sent to the webview. */
export interface CardMessage {
  readonly type: 'card';
  readonly sessionId: number;
  readonly questionId: string;
  readonly topic: string;
  readonly question: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly answerHtml: string;
  readonly progress: string;
  /** Why the session holds what it holds (practice), e.g. the new-question limit. */
  readonly plan: string;
  readonly intervals: readonly string[];
  readonly timerSeconds: number;
  /** How long the question has been up (or was, when revealed): the webview's timer starts from it. */
  readonly elapsedMs: number;
  readonly revealed: boolean;
  readonly timedOut: boolean;
  readonly notes: string;
  /** The session, for the page to keep so the panel comes back after a reload. */
  readonly resume: PracticeResume;
}

/** The end screen as sent to the webview. */
export interface DoneMessage {
  readonly type: 'done';
  readonly html: string;
  readonly canSave: boolean;
  /** "Continue with the next N", when more questions of these topics are due or new. */
  readonly continueLabel?: string;
  readonly resume: PracticeResume;
}
