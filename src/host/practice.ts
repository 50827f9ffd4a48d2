import * as vscode from 'vscode';
import type { ReviewLogStore } from './reviewLogStore';
import { questionsOf } from '../core/notes/note';
import type { InterviewSchedule } from '../core/practice/interviewPlan';
import { pickQuestions } from '../core/practice/mockInterview';
import { planSession } from '../core/practice/practiceQueue';
import { noteIdOf, questionIdOf } from '../core/practice/progress';
import { createScheduler, type Scheduler } from '../core/practice/scheduler';
import type { Logger } from '../core/util/logger';
import { commands, practiceViewType } from './commandIds';
import { Disposable } from './disposable';
import type { LoadedNote, NoteLibrary } from './noteLibrary';
import type { ProgressStore } from './practiceProgress';
import { cardId, PracticeView, type PracticeCard } from './practiceView';
import { showInformation } from './notify';
import { DueStatusBar } from './dueStatusBar';
import { ProgressTransfer } from './progressTransfer';
import { settings } from './settings';
import type { ExtensionServices } from './services';
import { openNoteLink } from './linkOpener';
import { proposedSaveFolder } from './noteSources';
import { currentInterviewSchedule } from './interviewDate';

/**
 * New questions per practice session, so a first session is not two hundred cards long. There is
 * no daily limit: the session says so, and its end offers the next ones.
 */
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
  /** Back to the interview in progress (the status bar's countdown). */
  readonly resume?: boolean;
}


export interface PracticeDependencies {
  readonly extensionUri: vscode.Uri;
  readonly library: NoteLibrary;
  readonly store: ProgressStore;
  readonly logger: Logger;
  readonly openLink: (href: string) => Promise<unknown>;
  readonly reviewLog: ReviewLogStore;
  readonly interviewSchedule: () => Promise<InterviewSchedule | undefined>;
}

/** Practice sessions and mock interviews, with the due count in the status bar and progress export, import and reset. */
export class Practice extends Disposable {
  readonly view: PracticeView;
  readonly statusBar: DueStatusBar;
  readonly transfer: ProgressTransfer;
  private scheduler: Scheduler | undefined;

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
        resolveCards: (cards) => this.inNotesLanguage(cards),
        onDidChangeNotes: library.onDidChange,
        reviewLog: dependencies.reviewLog,
        interviewSchedule: dependencies.interviewSchedule,
        cardsOf: (questionIds) => this.cardsOf(questionIds),
      }),
    );
    this.statusBar = this.register(new DueStatusBar(library, store, dependencies.logger));
    this.transfer = new ProgressTransfer(library, store, dependencies.logger);
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settings.desiredRetention)) {
        this.scheduler = undefined;
      }
    }));
    // Settings Sync may have brought progress from another machine while the window was away.
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && store.reload()));
    this.registerCommands();
  }

  private registerCommands(): void {
    this.register(vscode.commands.registerCommand(commands.practice, (options?: PracticeArguments) => this.practice(options)));
    this.register(vscode.commands.registerCommand(commands.mockInterview, (options?: MockInterviewArguments) => this.mockInterview(options)));
    this.register(vscode.commands.registerCommand(commands.exportProgress, (target?: vscode.Uri) => this.transfer.exportProgress(target)));
    this.register(vscode.commands.registerCommand(commands.importProgress, (source?: vscode.Uri) => this.transfer.importProgress(source)));
    this.register(vscode.commands.registerCommand(commands.resetTopicProgress, (topic?: unknown) => this.transfer.confirmAndResetTopic(topic)));
    // A practice session or mock interview open at a reload comes back, like the reader.
    this.register(vscode.window.registerWebviewPanelSerializer(practiceViewType, { deserializeWebviewPanel: (panel, state: unknown) => this.view.restore(panel, state) }));
  }

  private currentScheduler(): Scheduler {
    const retention = vscode.workspace.getConfiguration().get<number>(settings.desiredRetention, 0.9);
    this.scheduler ??= createScheduler({ desiredRetention: retention, now: this.dependencies.store.now });
    return this.scheduler;
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
    const { store } = this.dependencies;
    const sessionOptions = await this.view.sessionOptions({ includeNew, newLimit: newQuestionsPerSession });
    const plan = planSession(cards.map(cardId), store.progress, store.now(), sessionOptions);
    if (plan.due.length + plan.fresh.length === 0) {
      void showInformation(
        plan.plannedLater > 0
          ? vscode.l10n.t("Nothing is due in these topics, and today's new questions for the interview are done. The plan brings the next ones tomorrow.")
          : includeNew
            ? vscode.l10n.t('Nothing is due or new in these topics. Well done!')
            : vscode.l10n.t('No questions are due. Pick topics to learn new ones.'),
      );
      return 0;
    }
    return this.view.startPractice(cards, sessionOptions);
  }

  /** `interviewNotes.mockInterview`: N random questions from the chosen topics, one timer each. */
  async mockInterview(options?: MockInterviewArguments, random: () => number = Math.random): Promise<number> {
    if (options?.resume) {
      return this.view.showMock() ? 1 : 0;
    }
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

  /** The questions of these ids in the notes' language, in order; an id no note has any more is left out. */
  private async cardsOf(questionIds: readonly string[]): Promise<PracticeCard[]> {
    const load = this.noteLoader();
    const cards = await Promise.all(
      questionIds.map(async (questionId): Promise<PracticeCard | undefined> => {
        const noteId = noteIdOf(questionId);
        const note = await load(noteId);
        const section = note && questionsOf(note.note).find((candidate) => questionIdOf(noteId, candidate.id) === questionId);
        return note && section ? { loaded: note, section } : undefined;
      }),
    );
    return cards.filter((card): card is PracticeCard => card !== undefined);
  }

  /** The same questions in the language the notes are shown in now; a question the note no longer has stays as it was. */
  private async inNotesLanguage(cards: readonly PracticeCard[]): Promise<PracticeCard[]> {
    const load = this.noteLoader();
    return Promise.all(
      cards.map(async (card) => {
        const note = await load(card.loaded.note.id);
        const section = note?.note.sections.find((candidate) => candidate.id === card.section.id);
        return note && section ? { loaded: note, section } : card;
      }),
    );
  }

  /** Loads each note once, however many questions of one batch ask for it, in the notes' language now. */
  private noteLoader(): (noteId: string) => Promise<LoadedNote | undefined> {
    const notes = new Map<string, Promise<LoadedNote | undefined>>();
    return (noteId) => {
      let loaded = notes.get(noteId);
      if (!loaded) {
        loaded = this.dependencies.library.note(noteId);
        notes.set(noteId, loaded);
      }
      return loaded;
    };
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
    // Only practice has the "All due questions" item: the mock interview's prompt must not name it.
    const placeHolder = offerDue ? vscode.l10n.t('Pick topics, or "All due questions"') : vscode.l10n.t('Pick the topics to be asked about');
    const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, placeHolder });
    if (!picked) {
      return undefined;
    }
    // Enter with nothing ticked, or with "All due questions" alone, practises what is due.
    const picks = picked.flatMap((item) => (item.topic ? [item.topic] : []));
    return picks.length === 0 ? 'due' : picks;
  }

  private async saveSummary(markdown: string): Promise<vscode.Uri | undefined> {
    const stamp = this.dependencies.store.now().toISOString().slice(0, 16).replace(/[T:]/g, '-');
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save Mock Interview Summary'),
      // `.summary.md`: not a note's file name, so the notes folder can hold it without a "broken note" in the tree.
      defaultUri: await summaryFileUri(`mock-interview-${stamp}.summary.md`),
      filters: { Markdown: ['md'] },
    });
    if (!uri) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
    const open = vscode.l10n.t('Open');
    void showInformation(vscode.l10n.t('Saved the summary to {0}.', uri.fsPath || uri.toString(true)), open).then(async (answer) => {
      if (answer === open) {
        await vscode.window.showTextDocument(uri);
      }
    });
    return uri;
  }
}

/** A summary goes beside the notes: in the workspace's notes folder, the workspace, or the home folder. */
async function summaryFileUri(fileName: string): Promise<vscode.Uri | undefined> {
  const folder = await proposedSaveFolder();
  return folder && vscode.Uri.joinPath(folder, fileName);
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
  return new Practice({
    extensionUri: context.extensionUri,
    library,
    store: progress,
    logger,
    openLink,
    reviewLog: services.reviewLog,
    interviewSchedule: () => currentInterviewSchedule(services),
  });
}
