import * as vscode from 'vscode';
import type { QuestionState } from '../core/practice/progress';

/** What the sidebar and the reader need to know of practice: each question's state, and when it changes. */
export interface QuestionStates {
  /** `questionId` is `<noteId>#<sectionId>`. */
  stateOf(questionId: string): QuestionState;
  readonly onDidChange: vscode.Event<void>;
}

export function questionStateLabel(state: QuestionState): string {
  switch (state) {
    case 'new':
      return vscode.l10n.t('new');
    case 'learning':
      return vscode.l10n.t('learning');
    case 'due':
      return vscode.l10n.t('due');
    case 'mastered':
      return vscode.l10n.t('mastered');
  }
}

/** What a state means, for tooltips: a person testing themselves reads this, never the answer. */
export function questionStateMeaning(state: QuestionState): string {
  switch (state) {
    case 'new':
      return vscode.l10n.t('New: not practised yet.');
    case 'learning':
      return vscode.l10n.t('Learning: practised, and it comes back within three weeks (even after Easy, until the interval grows).');
    case 'due':
      return vscode.l10n.t('Due: time to recall it again.');
    case 'mastered':
      return vscode.l10n.t('Mastered: it comes back in three weeks or more.');
  }
}
