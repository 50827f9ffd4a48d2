import * as vscode from 'vscode';
import { questionsOf } from '../core/notes/note';
import { questionIdOf } from '../core/practice/progress';
import type { Logger } from '../core/util/logger';
import { commands } from './commandIds';
import { Disposable } from './disposable';
import type { NoteLibrary } from './noteLibrary';
import type { ProgressStore } from './practiceProgress';

/** The status bar item with the number of questions due; a click practises them. */
export class DueStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('interviewNotes.due', vscode.StatusBarAlignment.Left, 50));
  private dueTimer: ReturnType<typeof setTimeout> | undefined;
  private statusRefresh: Promise<void> = Promise.resolve();

  constructor(
    private readonly library: NoteLibrary,
    private readonly store: ProgressStore,
    private readonly logger: Logger,
  ) {
    super();
    this.item.name = vscode.l10n.t('Interview Notes: Due Questions');
    this.item.command = { command: commands.practice, title: vscode.l10n.t('Practice Questions'), arguments: [{ due: true }] };
    this.register({ dispose: () => clearTimeout(this.dueTimer) });
    this.register(store.onDidChange(() => this.refresh()));
    this.register(library.onDidChange(() => this.refresh()));
    // The due count needs every note read: that waits until the window has settled.
    const startup = setTimeout(() => void this.refresh(), 2000);
    this.register({ dispose: () => clearTimeout(startup) });
  }

  /** The item's text and whether it shows, for the tests. */
  get state(): { readonly text: string; readonly visible: boolean; readonly due: number; readonly command: vscode.Command | undefined } {
    const command = this.item.command;
    return { text: this.item.text, visible: this.visible, due: this.dueTotal, command: typeof command === 'string' ? { command, title: '' } : command };
  }

  /** Settles when the item shows the current due count. */
  get updated(): Promise<void> {
    return this.statusRefresh;
  }

  private visible = false;
  private dueTotal = 0;

  refresh(): Promise<void> {
    this.statusRefresh = this.statusRefresh.then(() => this.updateStatusBar()).catch((error: unknown) => this.logger.warn(`practice: status bar: ${String(error)}`));
    return this.statusRefresh;
  }

  private async updateStatusBar(): Promise<void> {
    const store = this.store;
    const topics = await this.library.topics();
    const now = store.now().getTime();
    let due = 0;
    let nextDue = Number.POSITIVE_INFINITY;
    for (const { note } of topics) {
      for (const question of questionsOf(note)) {
        const record = store.record(questionIdOf(note.id, question.id));
        const at = record ? Date.parse(record.due) : Number.NaN;
        if (at <= now) {
          due++;
        } else if (at < nextDue) {
          nextDue = at;
        }
      }
    }
    this.dueTotal = due;
    this.item.text = `$(mortar-board) ${vscode.l10n.t('{0} due', due)}`;
    this.item.tooltip = due === 1 ? vscode.l10n.t('1 interview question is due for practice. Click to start.') : vscode.l10n.t('{0} interview questions are due for practice. Click to start.', due);
    this.visible = due > 0;
    if (this.visible) {
      this.item.show();
    } else {
      this.item.hide();
    }
    // Wake up when the next question comes due (at most an hour away, so a sleeping laptop catches up).
    clearTimeout(this.dueTimer);
    if (Number.isFinite(nextDue)) {
      this.dueTimer = setTimeout(() => store.notifyTimePassed(), Math.min(Math.max(nextDue - now, 1000) + 500, 60 * 60_000));
    }
  }
}
