import * as vscode from 'vscode';
import type { CardRecord, QuestionState } from '../core/practice/progress';
import { formatInterval } from '../core/practice/practiceDocument';
import { questionStatus } from '../core/practice/questionStatus';

/** What the sidebar and the reader need to know of practice: each question's state, and when it changes. */
export interface QuestionStates {
  /** `questionId` is `<noteId>#<sectionId>`. */
  stateOf(questionId: string): QuestionState;
  /** The question's memory state, to explain its state (undefined when never graded). */
  record(questionId: string): CardRecord | undefined;
  readonly now: () => Date;
  readonly onDidChange: vscode.Event<void>;
}

export function questionStateLabel(state: QuestionState): string {
  switch (state) {
    case 'new':
      return vscode.l10n.t('new');
    case 'learning':
      return vscode.l10n.t('learning');
    case 'review':
      return vscode.l10n.t('in review');
    case 'due':
      return vscode.l10n.t('due');
    case 'mastered':
      return vscode.l10n.t('mastered');
  }
}

/** A date and time in the display language, e.g. "Dec 13, 09:14". */
export function formatDueTime(date: Date): string {
  return new Intl.DateTimeFormat(vscode.env.language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

/**
 * What a question's state means, in plain words, for tooltips: when it comes back and why.
 * A person testing themselves reads this, never the answer.
 */
export function questionStateMeaning(states: QuestionStates, questionId: string): string {
  const now = states.now();
  const status = questionStatus(states.record(questionId), now);
  if (status.kind === 'new') {
    return vscode.l10n.t('New: not practised yet.');
  }
  if (status.kind === 'due') {
    return vscode.l10n.t('Due: time to recall it again.');
  }
  const when = formatInterval(now.toISOString(), status.dueAt.toISOString());
  const at = formatDueTime(status.dueAt);
  switch (status.kind) {
    case 'learning':
      return vscode.l10n.t('Learning: in its first short steps, minutes apart. It comes back in {0} ({1}).', when, at);
    case 'relearning':
      return vscode.l10n.t('Relearning: graded Again after a review, so it is back in short steps. It comes back in {0} ({1}).', when, at);
    case 'review':
      return [
        status.skippedLearning ? vscode.l10n.t('In review: graded Easy the first time, so it skipped the short learning steps.') : vscode.l10n.t('In review: recalled, so the gaps between reviews grow.'),
        vscode.l10n.t('It comes back in {0} ({1}), and counts as mastered once the gap reaches three weeks.', when, at),
      ].join(' ');
    case 'mastered':
      return vscode.l10n.t('Mastered: the gap between reviews is three weeks or more. It comes back in {0} ({1}).', when, at);
  }
}
