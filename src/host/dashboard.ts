import * as vscode from 'vscode';
import { questionsOf } from '../core/notes/note';
import { dashboardDocument } from '../core/practice/dashboardDocument';
import { parseDashboardMessage, type DashboardMessage } from '../core/practice/dashboardMessages';
import { dashboardModel, type DashboardModel, type DashboardQuestion, type DashboardSelection } from '../core/practice/dashboardModel';
import { calendarFromOffset } from '../core/practice/localDays';
import { noteIdOf, questionIdOf } from '../core/practice/progress';
import { createNonce } from '../core/render/readerDocument';
import type { Logger } from '../core/util/logger';
import { commands, dashboardViewType } from './commandIds';
import { Disposable } from './disposable';
import type { NoteLibrary } from './noteLibrary';
import type { ProgressStore } from './practiceProgress';
import { showWarning } from './notify';
import type { ReviewLogProblem, ReviewLogStore } from './reviewLogStore';
import type { ExtensionServices } from './services';
import { settings } from './settings';
import { WebviewPanelHost } from './webviewPanel';

export interface DashboardDependencies {
  readonly extensionUri: vscode.Uri;
  readonly library: NoteLibrary;
  readonly progress: ProgressStore;
  readonly reviewLog: ReviewLogStore;
  readonly logger: Logger;
}

/** What the webview keeps with `setState`, and VS Code hands back after a reload. */
export interface DashboardState {
  readonly topic?: unknown;
  readonly day?: unknown;
}

/** The host's own local days: a review at 00:30 belongs to the day the user lived it. */
const hostCalendar = calendarFromOffset((time) => -new Date(time).getTimezoneOffset());

/** The practice dashboard: one panel, recomputed when progress, the log, the notes or the settings change. */
export class Dashboard extends Disposable {
  private readonly host: WebviewPanelHost<DashboardMessage>;
  private selection: DashboardSelection = {};
  private lastModel: DashboardModel | undefined;
  /** One recomputation at a time; changes meanwhile ask for one more. */
  private updating: Promise<void> | undefined;
  private updateAgain = false;
  /** The number of the last model posted to the page on show, and of the last it said it drew. */
  private modelsSent = 0;
  private modelsRendered = 0;
  private renderWaiters: (() => void)[] = [];
  /** Damaged review log files already reported (each once a session). */
  private readonly reported = new Set<string>();

  constructor(private readonly dependencies: DashboardDependencies) {
    super();
    this.host = this.register(
      new WebviewPanelHost<DashboardMessage>({
        extensionUri: dependencies.extensionUri,
        viewType: dashboardViewType,
        name: 'dashboard',
        logger: dependencies.logger,
        parseMessage: parseDashboardMessage,
        onMessage: (message) => this.dispatch(message),
        onDidClose: () => {
          this.lastModel = undefined;
          this.renderWaiters.splice(0).forEach((resolve) => resolve());
        },
      }),
    );
    const refresh = () => void this.update();
    this.register(dependencies.progress.onDidChange(refresh));
    this.register(dependencies.reviewLog.onDidAppend(refresh));
    this.register(dependencies.library.onDidChange(refresh));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if ([settings.desiredRetention, settings.interviewDate, settings.interviewTopics, settings.language].some((key) => event.affectsConfiguration(key))) {
          refresh();
        }
      }),
    );
  }

  get isOpen(): boolean {
    return this.host.current !== undefined;
  }

  /** The review log it reads (grading will append to it). */
  get reviewLog(): ReviewLogStore {
    return this.dependencies.reviewLog;
  }

  /** The model last sent to the webview (for tests and diagnostics). */
  get model(): DashboardModel | undefined {
    return this.lastModel;
  }

  get html(): string {
    return this.host.html;
  }

  /** Settles when the webview has loaded the page and said "ready". */
  get ready(): Promise<void> {
    return this.host.ready;
  }

  /**
   * Settles when the page has drawn the latest model sent to it: after `open()`, when the
   * dashboard is on show with its figures (the bench times opening up to here). Settles at
   * once when the panel is closed.
   */
  async rendered(): Promise<void> {
    await this.ready;
    await this.settled();
    while (this.isOpen && (this.modelsSent === 0 || this.modelsRendered < this.modelsSent)) {
      await new Promise<void>((resolve) => this.renderWaiters.push(resolve));
      await this.settled();
    }
  }

  /** Settles when the model of the latest change has been sent. */
  async settled(): Promise<void> {
    while (this.updating) {
      await this.updating;
    }
  }

  async open(): Promise<void> {
    const existing = this.host.current;
    if (existing) {
      existing.reveal(undefined, false);
      await this.update();
      return;
    }
    const panel = this.host.open(vscode.l10n.t('Practice Dashboard'));
    this.render(panel);
  }

  /** Brings the panel back after a window reload, with the topic and day it showed. */
  async restore(panel: vscode.WebviewPanel, state: DashboardState | undefined): Promise<void> {
    this.host.adopt(panel);
    this.selection = { topic: typeof state?.topic === 'string' ? state.topic : undefined, day: typeof state?.day === 'string' ? state.day : undefined };
    this.render(panel);
  }

  /** Everything the webview sends comes through here, validated first. */
  handleMessage(raw: unknown): Promise<void> {
    return this.host.receive(raw);
  }

  private render(panel: vscode.WebviewPanel): void {
    const media = (...path: string[]) => this.host.resourceUri(panel, ...path);
    const title = vscode.l10n.t('Practice Dashboard');
    panel.title = title;
    this.modelsSent = 0;
    this.modelsRendered = 0;
    this.host.setHtml(
      panel,
      dashboardDocument({
        cspSource: panel.webview.cspSource,
        nonce: createNonce(),
        styleUris: [media('dist', 'webview', 'dashboard.css'), media('media', 'dashboard.css')],
        headScriptUri: media('dist', 'webview', 'policyWatch.js'),
        scriptUri: media('dist', 'webview', 'dashboard.js'),
        language: vscode.env.language,
        title,
        data: { strings: dashboardStrings() },
      }),
    );
  }

  private async dispatch(message: DashboardMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.update();
        return;
      case 'rendered':
        this.modelsRendered = Math.max(this.modelsRendered, message.sequence);
        this.renderWaiters.splice(0).forEach((resolve) => resolve());
        return;
      case 'select':
        this.selection = { topic: message.topic, day: message.day };
        await this.update();
        return;
      case 'openQuestion':
        await vscode.commands.executeCommand(commands.openNote, noteIdOf(message.questionId), message.questionId.slice(message.questionId.indexOf('#') + 1));
        return;
      case 'practice':
        await vscode.commands.executeCommand(commands.practice);
        return;
    }
  }

  /** Recomputes the model and sends it, when the panel is open. */
  update(): Promise<void> {
    if (!this.host.current) {
      return Promise.resolve();
    }
    if (this.updating) {
      this.updateAgain = true;
      return this.updating;
    }
    this.updating = (async () => {
      try {
        do {
          this.updateAgain = false;
          await this.send();
        } while (this.updateAgain);
      } catch (error) {
        this.dependencies.logger.warn(`dashboard: could not update: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.updating = undefined;
      }
    })();
    return this.updating;
  }

  private async send(): Promise<void> {
    const model = await this.buildModel();
    const panel = this.host.current;
    if (!panel) {
      return;
    }
    this.lastModel = model;
    await panel.webview.postMessage({ type: 'model', model, sequence: ++this.modelsSent });
  }

  /** Reads the log, the progress, the questions and the settings, and computes what to show. */
  async buildModel(): Promise<DashboardModel> {
    const { library, progress, reviewLog } = this.dependencies;
    const topics = await library.topics();
    const questions: DashboardQuestion[] = topics.flatMap((loaded) =>
      questionsOf(loaded.note).map((section) => ({ id: questionIdOf(loaded.note.id, section.id), title: section.title, topicTitle: loaded.note.title })),
    );
    const { reviews, problems } = await reviewLog.read();
    problems.forEach((problem) => this.report(problem));
    const configuration = vscode.workspace.getConfiguration();
    const interviewTopics = configuration.get<unknown>(settings.interviewTopics);
    return dashboardModel({
      reviews,
      progress: progress.progress,
      questions,
      now: progress.now(),
      calendar: hostCalendar,
      desiredRetention: configuration.get<number>(settings.desiredRetention, 0.9),
      selection: this.selection,
      interviewDate: configuration.get<unknown>(settings.interviewDate) as string | undefined,
      interviewTopics: Array.isArray(interviewTopics) ? interviewTopics.filter((topic): topic is string => typeof topic === 'string') : [],
    });
  }

  /** A damaged review log file: its readable reviews are kept, and the user hears where it went. */
  private report(problem: ReviewLogProblem): void {
    if (this.reported.has(problem.name)) {
      return;
    }
    this.reported.add(problem.name);
    const message = problem.movedTo
      ? vscode.l10n.t('The review log file {0} was damaged: its readable reviews are kept, and the file was moved to {1}.', problem.name, problem.movedTo.toString(true))
      : vscode.l10n.t('The review log file {0} could not be read; it is left where it is.', problem.name);
    void showWarning(message);
  }
}

/** Every label of the page, localized here: the webview only fills in `{0}`-style numbers. */
function dashboardStrings() {
  const one = '{0}';
  const two = '{1}';
  return {
    title: vscode.l10n.t('Practice Dashboard'),
    readiness: vscode.l10n.t('Readiness by topic'),
    readinessHelp: vscode.l10n.t('Click a topic to show only its figures below.'),
    topic: vscode.l10n.t('Topic'),
    questions: vscode.l10n.t('Questions'),
    new: vscode.l10n.t('New'),
    learning: vscode.l10n.t('Learning'),
    due: vscode.l10n.t('Due'),
    mastered: vscode.l10n.t('Mastered'),
    recall: vscode.l10n.t('Recall today'),
    newTip: vscode.l10n.t('{0} questions you have never practised', one),
    learningTip: vscode.l10n.t('{0} questions practised, not due yet, not yet mastered', one),
    dueTip: vscode.l10n.t('{0} questions due for review now', one),
    masteredTip: vscode.l10n.t('{0} questions you remember for three weeks or more', one),
    recallTip: vscode.l10n.t('Asked right now, you would recall about {0} of these questions', one),
    showing: vscode.l10n.t('Showing {0} only', one),
    showAll: vscode.l10n.t('Show all topics'),
    forecast: vscode.l10n.t('Reviews due in the next 30 days'),
    day: vscode.l10n.t('Day'),
    reviews: vscode.l10n.t('Reviews'),
    forecastTip: vscode.l10n.t('{0} questions come due on {1}', one, two),
    overdue: vscode.l10n.t('{0} of today\'s are overdue', one),
    heatmap: vscode.l10n.t('Reviews in the last year'),
    heatmapTip: vscode.l10n.t('{0} reviews on {1}', one, two),
    heatmapEmpty: vscode.l10n.t('No reviews logged yet: the calendar fills in as you grade questions.'),
    totalReviews: vscode.l10n.t('{0} reviews in the last year', one),
    currentStreak: vscode.l10n.t('Current streak'),
    longestStreak: vscode.l10n.t('Longest streak'),
    streakDays: vscode.l10n.t('{0} days', one),
    streakTip: vscode.l10n.t('Days in a row with at least one review'),
    retention: vscode.l10n.t('True retention'),
    retentionHelp: vscode.l10n.t('The share of each day\'s first review of a question that was not Again.'),
    young: vscode.l10n.t('Young (interval under 21 days)'),
    mature: vscode.l10n.t('Mature (21 days or more)'),
    desired: vscode.l10n.t('Desired retention'),
    desiredTip: vscode.l10n.t('The setting Practice schedules for: the chance of remembering an answer when it comes due'),
    lastMonth: vscode.l10n.t('Last 30 days'),
    allTime: vscode.l10n.t('All time'),
    retentionTip: vscode.l10n.t('{0} of {1} reviews remembered', one, two),
    noData: vscode.l10n.t('No reviews yet'),
    mockInterviews: vscode.l10n.t('Mock interviews'),
    date: vscode.l10n.t('Date'),
    averageGrade: vscode.l10n.t('Average grade'),
    averageGradeTip: vscode.l10n.t('1 is Again, 2 Hard, 3 Good, 4 Easy'),
    again: vscode.l10n.t('Again'),
    time: vscode.l10n.t('Time'),
    noMockInterviews: vscode.l10n.t('No mock interview yet.'),
    leeches: vscode.l10n.t('Leeches'),
    leechesHelp: vscode.l10n.t('Questions forgotten again and again (8 times or more): open one and read it again.'),
    question: vscode.l10n.t('Question'),
    lapses: vscode.l10n.t('Forgotten'),
    lapsesTip: vscode.l10n.t('Forgotten {0} times after you had learned it', one),
    noLeeches: vscode.l10n.t('No leeches: nothing keeps slipping away.'),
    dayReviews: vscode.l10n.t('Reviews on {0}', one),
    timeOfDay: vscode.l10n.t('At'),
    grade: vscode.l10n.t('Grade'),
    source: vscode.l10n.t('Source'),
    sources: { practice: vscode.l10n.t('Practice'), mock: vscode.l10n.t('Mock interview'), chat: vscode.l10n.t('Chat') },
    grades: [vscode.l10n.t('Again'), vscode.l10n.t('Hard'), vscode.l10n.t('Good'), vscode.l10n.t('Easy')],
    noDayReviews: vscode.l10n.t('No reviews that day.'),
    close: vscode.l10n.t('Close'),
    interviewIn: vscode.l10n.t('Interview in {0} days ({1})', one, two),
    interviewToday: vscode.l10n.t('The interview is today ({0})', one),
    interviewPassed: vscode.l10n.t('The interview date {0} has passed', one),
    plan: vscode.l10n.t('Plan to the interview'),
    planSummary: vscode.l10n.t('Review about {0} questions a day, {1} of them new.', one, two),
    planUnseen: vscode.l10n.t('{0} of {1} questions not seen yet', one, two),
    planRecall: vscode.l10n.t('Expected recall on the day if you follow the plan: {0}', one),
    planTopics: vscode.l10n.t('Topics: {0}', one),
    newQuestions: vscode.l10n.t('New'),
    total: vscode.l10n.t('Total'),
    empty: vscode.l10n.t('Nothing practised yet'),
    emptyHelp: vscode.l10n.t('Grade a few questions in Practice: this page then shows how ready you are for each topic, what comes due and your streak.'),
    startPractice: vscode.l10n.t('Practice Questions'),
  };
}

/** "Practice Dashboard", its button in the Topics view, and the panel brought back after a reload. */
export function registerDashboard(services: ExtensionServices): vscode.Disposable {
  const dashboard = new Dashboard({ extensionUri: services.context.extensionUri, library: services.library, progress: services.progress, reviewLog: services.reviewLog, logger: services.logger });
  return vscode.Disposable.from(
    dashboard,
    vscode.commands.registerCommand(commands.openDashboard, () => dashboard.open().then(() => dashboard)),
    vscode.window.registerWebviewPanelSerializer(dashboardViewType, { deserializeWebviewPanel: (panel, state: DashboardState | undefined) => dashboard.restore(panel, state) }),
  );
}
