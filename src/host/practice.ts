import * as vscode from 'vscode';
import { questionsOf } from '../core/notes/note';
import { pickQuestions } from '../core/practice/mockInterview';
import { maxProgressFileBytes, parseProgress, questionIdOf, serializeProgress } from '../core/practice/progress';
import { createScheduler, type Scheduler } from '../core/practice/scheduler';
import type { Logger } from '../core/util/logger';
import { commands } from './commandIds';
import { Disposable } from './disposable';
import type { LoadedNote, NoteLibrary } from './noteLibrary';
import type { ProgressStore } from './practiceProgress';
import { cardId, PracticeView, type PracticeCard } from './practiceView';
import { askWarning, showError, showInformation } from './notify';
import { settings } from './settings';
import type { ExtensionServices } from './services';
import { openNoteLink } from './linkOpener';

/** New questions per practice session, so a first session is not two hundred cards long. */
export const newQuestionsPerSession = 20;

/** How `interviewNotes.practice` may be called: from the palette (no argument), the status bar or a test. */
export interface PracticeArguments {
  /** Only what is due, in every topic. */
  readonly due?: boolean;
  /** Due and new questions of these topics. */
  readonly topics?: readonly string[];
}

export interface MockInterviewArguments {
  readonly topics?: readonly string[];
  readonly count?: number;
}

export type ImportOutcome = { readonly imported: number; readonly kept: number; readonly unknown: number } | { readonly refused: string };

export interface PracticeDependencies {
  readonly extensionUri: vscode.Uri;
  readonly library: NoteLibrary;
  readonly store: ProgressStore;
  readonly logger: Logger;
  readonly openLink: (href: string) => Promise<unknown>;
}

/** Practice, mock interviews, the due count in the status bar, and progress export, import and reset. */
export class Practice extends Disposable {
  readonly view: PracticeView;
  private readonly statusBar = this.register(vscode.window.createStatusBarItem('interviewNotes.due', vscode.StatusBarAlignment.Left, 50));
  private scheduler: Scheduler | undefined;
  private dueTimer: ReturnType<typeof setTimeout> | undefined;
  private statusRefresh: Promise<void> = Promise.resolve();

  constructor(private readonly dependencies: PracticeDependencies) {
    super();
    const { store, library } = dependencies;
    this.view = this.register(
      new PracticeView({
        extensionUri: dependencies.extensionUri,
        store,
        logger: dependencies.logger,
        scheduler: () => this.currentScheduler(),
        openLink: dependencies.openLink,
        saveSummary: (markdown) => this.saveSummary(markdown),
      }),
    );
    this.statusBar.name = vscode.l10n.t('Interview Notes: Due Questions');
    this.statusBar.command = { command: commands.practice, title: vscode.l10n.t('Practice Questions'), arguments: [{ due: true } satisfies PracticeArguments] };
    this.register({ dispose: () => clearTimeout(this.dueTimer) });
    this.register(store.onDidChange(() => this.refreshStatusBar()));
    this.register(library.onDidChange(() => this.refreshStatusBar()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settings.desiredRetention)) {
        this.scheduler = undefined;
      }
    }));
    // Settings Sync may have brought progress from another machine while the window was away.
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && store.reload()));
    this.registerCommands();
    // The due count needs every note read: that waits until the window has settled.
    const startup = setTimeout(() => void this.refreshStatusBar(), 2000);
    this.register({ dispose: () => clearTimeout(startup) });
  }

  private registerCommands(): void {
    this.register(vscode.commands.registerCommand(commands.practice, (options?: PracticeArguments) => this.practice(options)));
    this.register(vscode.commands.registerCommand(commands.mockInterview, (options?: MockInterviewArguments) => this.mockInterview(options)));
    this.register(vscode.commands.registerCommand(commands.exportProgress, (target?: vscode.Uri) => this.exportProgress(target)));
    this.register(vscode.commands.registerCommand(commands.importProgress, (source?: vscode.Uri) => this.importProgress(source)));
    this.register(vscode.commands.registerCommand(commands.resetTopicProgress, (topic?: unknown) => this.confirmAndResetTopic(topic)));
  }

  /** The status bar item's text and whether it shows, for the tests. */
  get statusBarState(): { readonly text: string; readonly visible: boolean; readonly due: number; readonly command: vscode.Command | undefined } {
    const command = this.statusBar.command;
    return { text: this.statusBar.text, visible: this.visible, due: this.dueTotal, command: typeof command === 'string' ? { command, title: '' } : command };
  }

  /** Settles when the status bar shows the current due count. */
  get statusBarUpdated(): Promise<void> {
    return this.statusRefresh;
  }

  private visible = false;
  private dueTotal = 0;

  private currentScheduler(): Scheduler {
    const retention = vscode.workspace.getConfiguration().get<number>(settings.desiredRetention, 0.9);
    this.scheduler ??= createScheduler({ desiredRetention: retention, now: this.dependencies.store.now });
    return this.scheduler;
  }

  refreshStatusBar(): Promise<void> {
    this.statusRefresh = this.statusRefresh.then(() => this.updateStatusBar()).catch((error: unknown) => this.dependencies.logger.warn(`practice: status bar: ${String(error)}`));
    return this.statusRefresh;
  }

  private async updateStatusBar(): Promise<void> {
    const { store } = this.dependencies;
    const topics = await this.dependencies.library.topics();
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
    this.statusBar.text = `$(mortar-board) ${vscode.l10n.t('{0} due', due)}`;
    this.statusBar.tooltip = vscode.l10n.t('{0} interview questions are due for practice. Click to start.', due);
    this.visible = due > 0;
    if (this.visible) {
      this.statusBar.show();
    } else {
      this.statusBar.hide();
    }
    // Wake up when the next question comes due (at most an hour away, so a sleeping laptop catches up).
    clearTimeout(this.dueTimer);
    if (Number.isFinite(nextDue)) {
      this.dueTimer = setTimeout(() => store.notifyTimePassed(), Math.min(Math.max(nextDue - now, 1000) + 500, 60 * 60_000));
    }
  }

  /** `interviewNotes.practice`: picks topics (or everything due) and opens the practice view. */
  async practice(options?: PracticeArguments): Promise<number> {
    const topics = await this.dependencies.library.topics();
    let chosen: readonly LoadedNote[];
    let includeNew: boolean;
    if (options?.due || options?.topics) {
      includeNew = !options.due;
      chosen = options.due ? topics : topics.filter((topic) => options.topics?.includes(topic.note.id));
    } else {
      const picked = await this.pickTopics(topics, vscode.l10n.t('Practice Questions'), true);
      if (!picked) {
        return 0;
      }
      includeNew = picked !== 'due';
      chosen = picked === 'due' ? topics : picked;
    }
    const cards = chosen.flatMap((loaded) => questionsOf(loaded.note).map((section) => ({ loaded, section })));
    const available = cards.map((card) => this.dependencies.store.stateOf(cardId(card))).filter((state) => state === 'due' || (includeNew && state === 'new'));
    if (available.length === 0) {
      void showInformation(includeNew ? vscode.l10n.t('Nothing is due or new in these topics. Well done!') : vscode.l10n.t('No questions are due. Pick topics to learn new ones.'));
      return 0;
    }
    return this.view.startPractice(cards, includeNew, newQuestionsPerSession);
  }

  /** `interviewNotes.mockInterview`: N random questions from the chosen topics, one timer each. */
  async mockInterview(options?: MockInterviewArguments, random: () => number = Math.random): Promise<number> {
    const topics = await this.dependencies.library.topics();
    let chosen: readonly LoadedNote[];
    if (options?.topics) {
      chosen = topics.filter((topic) => options.topics?.includes(topic.note.id));
    } else {
      const picked = await this.pickTopics(topics, vscode.l10n.t('Mock Interview'), false);
      if (!picked || picked === 'due') {
        return 0;
      }
      chosen = picked;
    }
    const configuration = vscode.workspace.getConfiguration();
    const count = options?.count ?? configuration.get<number>(settings.questionCount, 5);
    const seconds = configuration.get<number>(settings.secondsPerQuestion, 180);
    const cards = pickQuestions(chosen.flatMap((loaded) => questionsOf(loaded.note).map((section): PracticeCard => ({ loaded, section }))), count, random);
    if (cards.length === 0) {
      void showInformation(vscode.l10n.t('These topics have no questions.'));
      return 0;
    }
    this.view.startMock(cards, Math.min(Math.max(seconds, 10), 3600));
    return cards.length;
  }

  private async pickTopics(topics: readonly LoadedNote[], title: string, offerDue: boolean): Promise<readonly LoadedNote[] | 'due' | undefined> {
    const { store } = this.dependencies;
    type Item = vscode.QuickPickItem & { readonly topic?: LoadedNote };
    const counts = (loaded: LoadedNote) => {
      const states = questionsOf(loaded.note).map((question) => store.stateOf(questionIdOf(loaded.note.id, question.id)));
      return { due: states.filter((state) => state === 'due').length, fresh: states.filter((state) => state === 'new').length };
    };
    const totalDue = topics.reduce((sum, topic) => sum + counts(topic).due, 0);
    const items: Item[] = [
      ...(offerDue ? [{ label: `$(bell-dot) ${vscode.l10n.t('All due questions')}`, description: vscode.l10n.t('{0} due', totalDue) }, { label: '', kind: vscode.QuickPickItemKind.Separator }] : []),
      ...topics.map((topic): Item => {
        const { due, fresh } = counts(topic);
        return { label: topic.note.title, description: vscode.l10n.t('{0} due · {1} new', due, fresh), topic };
      }),
    ];
    const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, placeHolder: vscode.l10n.t('Pick topics, or "All due questions"') });
    if (!picked) {
      return undefined;
    }
    // Enter with nothing ticked, or with "All due questions" alone, practises what is due.
    const picks = picked.flatMap((item) => (item.topic ? [item.topic] : []));
    return picks.length === 0 ? 'due' : picks;
  }

  /** Writes the progress as JSON where the user chooses; VS Code's save dialog asks before replacing a file. */
  async exportProgress(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Practice Progress'),
        defaultUri: this.defaultFolder('interview-notes-progress.json'),
        filters: { JSON: ['json'] },
      }));
    if (!uri) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeProgress(this.dependencies.store.progress)));
    void showInformation(vscode.l10n.t('Exported the progress of {0} questions to {1}.', Object.keys(this.dependencies.store.progress.cards).length, uri.fsPath || uri.toString(true)));
    return uri;
  }

  /**
   * Reads a progress file and merges it: for each question the later review wins. A file
   * that fails validation anywhere is refused whole, with the file and the problem named.
   */
  async importProgress(source?: vscode.Uri): Promise<ImportOutcome | undefined> {
    const uri =
      source ??
      (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Practice Progress'), canSelectMany: false, filters: { JSON: ['json'] }, defaultUri: this.defaultFolder() }))?.[0];
    if (!uri) {
      return undefined;
    }
    const name = uri.fsPath || uri.toString(true);
    const refuse = (problem: string) => {
      this.dependencies.logger.warn(`practice: refused to import ${name}: ${problem}`);
      void showError(vscode.l10n.t('Practice progress was not imported from {0}: {1}. Nothing was changed.', name, problem));
      return { refused: problem };
    };
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0) {
        return refuse(vscode.l10n.t('not a regular file'));
      }
      if (stat.size > maxProgressFileBytes) {
        return refuse(vscode.l10n.t('the file is larger than {0} MB', maxProgressFileBytes / 1024 / 1024));
      }
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      return refuse(error instanceof Error ? error.message : String(error));
    }
    const knownIds = new Set((await this.dependencies.library.allNotes()).flatMap(({ note }) => questionsOf(note).map((question) => questionIdOf(note.id, question.id))));
    const result = parseProgress(text, knownIds);
    if (!result.ok) {
      return refuse(result.problem);
    }
    const merged = await this.dependencies.store.merge(result.progress);
    const unknown = result.unknownIds.length;
    void showInformation(
      unknown > 0
        ? vscode.l10n.t('Imported {0} questions ({1} kept as newer here); {2} are not in your notes and were kept for when they come back.', merged.taken.length, merged.kept.length, unknown)
        : vscode.l10n.t('Imported {0} questions ({1} kept as newer here).', merged.taken.length, merged.kept.length),
    );
    return { imported: merged.taken.length, kept: merged.kept.length, unknown };
  }

  /** Forgets one topic's progress (no confirmation: the command asks first). */
  async resetTopic(noteId: string): Promise<number> {
    return this.dependencies.store.resetNote(noteId);
  }

  private async confirmAndResetTopic(topic: unknown): Promise<number> {
    const topics = await this.dependencies.library.topics();
    const fromTree = typeof topic === 'object' && topic !== null && 'note' in topic ? (topic as { note: { id: unknown } }).note.id : topic;
    let chosen = topics.find((loaded) => loaded.note.id === fromTree);
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        topics.map((loaded) => ({ label: loaded.note.title, loaded })),
        { title: vscode.l10n.t('Reset Practice Progress of a Topic') },
      );
      chosen = picked?.loaded;
    }
    if (!chosen) {
      return 0;
    }
    const reset = vscode.l10n.t('Reset');
    const answer = await askWarning(
      vscode.l10n.t('Forget all practice of "{0}"? Its questions start as new again.', chosen.note.title),
      vscode.l10n.t('Export your progress first if you may want it back.'),
      reset,
    );
    if (answer !== reset) {
      return 0;
    }
    return this.resetTopic(chosen.note.id);
  }

  private async saveSummary(markdown: string): Promise<vscode.Uri | undefined> {
    const stamp = this.dependencies.store.now().toISOString().slice(0, 16).replace(/[T:]/g, '-');
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save Mock Interview Summary'),
      defaultUri: this.defaultFolder(`mock-interview-${stamp}.md`),
      filters: { Markdown: ['md'] },
    });
    if (!uri) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
    void showInformation(vscode.l10n.t('Saved the summary to {0}.', uri.fsPath || uri.toString(true)));
    return uri;
  }

  private defaultFolder(fileName?: string): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder && fileName ? vscode.Uri.joinPath(folder, fileName) : folder;
  }
}

export function registerPractice(services: ExtensionServices): Practice {
  const { context, library, progress, logger, reader } = services;
  // Links in a model answer open like the reader's: notes in the reader, snippets at the cursor.
  const openLink = (href: string) =>
    openNoteLink(href, {
      showNote: async ({ noteId, sectionId }) => noteId !== undefined && reader.show({ noteId, sectionId }),
      insertSnippet: (snippetId) => services.insertSnippet(snippetId),
      logger,
    });
  return new Practice({ extensionUri: context.extensionUri, library, store: progress, logger, openLink });
}
