import * as vscode from 'vscode';
import { emptyProgress, mergeProgress, questionState, validateProgress, withCard, withoutNote, type CardRecord, type MergeResult, type ProgressData, type QuestionState } from '../core/practice/progress';
import type { Logger } from '../core/util/logger';
import { Disposable } from './disposable';
import type { QuestionStates } from './questionStates';
import type { ReviewLogStore } from './reviewLogStore';

/** The one globalState key of practice progress; Settings Sync carries it to the user's other machines. */
export const progressStateKey = 'interviewNotes.practiceProgress';

export type SyncedMemento = vscode.Memento & { setKeysForSync(keys: readonly string[]): void };

/**
 * Practice progress in `globalState`. Read (and validated) on first use, not at activation;
 * every change is written at once and announced to the tree, the reader and the status bar.
 */
export class ProgressStore extends Disposable implements QuestionStates {
  private cached: ProgressData | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly state: SyncedMemento,
    private readonly logger: Logger,
    readonly now: () => Date = () => new Date(),
    /** The history beside the current state: the export carries it (ProgressTransfer). */
    readonly reviewLog?: ReviewLogStore,
  ) {
    super();
  }

  get progress(): ProgressData {
    if (!this.cached) {
      // Registered for Settings Sync on first use rather than at activation: VS Code keeps
      // the registration, and every first use (the tree, the status bar) comes right after.
      this.state.setKeysForSync([progressStateKey]);
      this.cached = this.read();
    }
    return this.cached;
  }

  record(questionId: string): CardRecord | undefined {
    return Object.hasOwn(this.progress.cards, questionId) ? this.progress.cards[questionId] : undefined;
  }

  stateOf(questionId: string): QuestionState {
    return questionState(this.record(questionId), this.now());
  }

  async setRecord(questionId: string, record: CardRecord): Promise<void> {
    await this.save(withCard(this.progress, questionId, record));
  }

  /** Merges imported progress (already validated) by the later review of each question. */
  async merge(incoming: ProgressData): Promise<MergeResult> {
    const result = mergeProgress(this.progress, incoming);
    await this.save(result.progress);
    return result;
  }

  async resetNote(noteId: string): Promise<number> {
    const before = Object.keys(this.progress.cards).length;
    const after = withoutNote(this.progress, noteId);
    await this.save(after);
    return before - Object.keys(after.cards).length;
  }

  /** What globalState holds right now (for tests and diagnostics). */
  storedValue(): unknown {
    return this.state.get<unknown>(progressStateKey);
  }

  /** Reads globalState again: Settings Sync may have brought progress from another machine. */
  reload(): void {
    const previous = this.cached;
    this.cached = undefined;
    if (previous && JSON.stringify(previous) !== JSON.stringify(this.progress)) {
      this.changeEmitter.fire();
    }
  }

  /** Tells the views that time has passed: questions may have come due. */
  notifyTimePassed(): void {
    this.changeEmitter.fire();
  }

  private async save(progress: ProgressData): Promise<void> {
    this.cached = progress;
    await this.state.update(progressStateKey, progress);
    this.changeEmitter.fire();
  }

  private read(): ProgressData {
    const stored = this.state.get<unknown>(progressStateKey);
    if (stored === undefined) {
      return emptyProgress();
    }
    const result = validateProgress(stored);
    if (!result.ok) {
      // Left in place until the next change: a newer version of the extension may read it.
      this.logger.warn(`practice progress in globalState was not understood (${result.problem}); starting empty`);
      return emptyProgress();
    }
    return result.progress;
  }
}
