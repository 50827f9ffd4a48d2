import * as vscode from 'vscode';
import { reviewOf } from '../core/practice/reviewLog';
import type { ReviewLogStore } from './reviewLogStore';
import type { NoteSection } from '../core/notes/note';
import { formatSeconds, mockInterviewSummary, type MockAnswer } from '../core/practice/mockInterview';
import { formatInterval, practiceDocument, type PracticeViewData } from '../core/practice/practiceDocument';
import { parsePracticeResume, type PracticeResume } from '../core/practice/practiceResume';
import { maxAnswerNotesLength, parsePracticeMessage, type CardMessage, type DoneMessage, type PracticeMessage } from '../core/practice/practiceMessages';
import type { InterviewSchedule } from '../core/practice/interviewPlan';
import { planSession, PracticeQueue, type SessionOptions } from '../core/practice/practiceQueue';
import { questionIdOf, type Grade } from '../core/practice/progress';
import { gradeBreakdownMarkdown, nextDueAt } from '../core/practice/sessionSummary';
import { answerMarkdown } from '../core/practice/questionCard';
import type { Scheduler } from '../core/practice/scheduler';
import { createNonce } from '../core/render/readerDocument';
import type { NoteRenderer } from '../core/render/noteRenderer';
import type { Logger } from '../core/util/logger';
import { practiceViewType } from './commandIds';
import { Disposable } from './disposable';
import { WebviewPanelHost } from './webviewPanel';
import { textEngine } from './textEngine';
import type { LoadedNote } from './noteLibrary';
import type { ProgressStore } from './practiceProgress';
import { formatDueTime, questionStateLabel } from './questionStates';
import { MockCountdown } from './mockCountdown';

/** One question of a session, in the language it is shown in. */
export interface PracticeCard {
  readonly loaded: LoadedNote;
  readonly section: NoteSection;
}

export function cardId(card: PracticeCard): string {
  return questionIdOf(card.loaded.note.id, card.section.id);
}

export interface PracticeViewDependencies {
  readonly extensionUri: vscode.Uri;
  readonly store: ProgressStore;
  readonly scheduler: () => Scheduler;
  readonly logger: Logger;
  readonly openLink: (href: string) => Promise<unknown>;
  readonly saveSummary: (markdown: string) => Promise<unknown>;
  /** The same questions in the notes' language now (after the language setting, or a note, changed). */
  readonly resolveCards: (cards: readonly PracticeCard[]) => Promise<PracticeCard[]>;
  /** Fires when the notes change, their language included. */
  readonly onDidChangeNotes: vscode.Event<void>;
  /** Where each grade is kept for the dashboard. */
  readonly reviewLog: ReviewLogStore;
  /** The interview plan sessions follow now, if an interview date is set (worked out anew for each session). */
  readonly interviewSchedule: () => Promise<InterviewSchedule | undefined>;
  /** The questions of these ids in the notes' language now, in the same order; ids no note has any more are left out. */
  readonly cardsOf: (questionIds: readonly string[]) => Promise<PracticeCard[]>;
}

/** A session's id tells the webview whether the state it saved belongs to the card it is sent. */
type Session =
  | { readonly kind: 'practice'; readonly id: number; readonly queue: PracticeQueue; readonly cards: Map<string, PracticeCard>; readonly options: SessionOptions }
  | { readonly kind: 'mock'; readonly id: number; cards: readonly PracticeCard[]; index: number; readonly secondsPerQuestion: number; readonly answers: MockAnswer[]; readonly startedAt: Date };

/**
 * What the host knows of the card on screen: it outlives the webview's page (hidden tabs let
 * their page go), so the time, the side of the card and the answer typed so far survive.
 */
export interface ShownCard {
  readonly questionId: string;
  question: string;
  /** When the question was first shown (ms): the mock interview's time runs from here. */
  readonly shownAt: number;
  revealedAt?: number;
  timedOut: boolean;
  /** What the user has typed so far (mock interview). */
  notes: string;
}

/** The practice and mock-interview webview: one panel, one session at a time. */
export class PracticeView extends Disposable {
  private readonly host: WebviewPanelHost<PracticeMessage>;
  private session: Session | undefined;
  private shown: ShownCard | undefined;
  private renderer: NoteRenderer | undefined;
  private summary: string | undefined;
  private sessionCount = 0;
  private readonly countdown = this.register(new MockCountdown());
  private countdownTimer: ReturnType<typeof setInterval> | undefined;
  /** The last card and end screen sent to the webview (for the tests). */
  lastCard: CardMessage | undefined;
  lastDone: DoneMessage | undefined;

  constructor(private readonly dependencies: PracticeViewDependencies) {
    super();
    this.host = this.register(
      new WebviewPanelHost<PracticeMessage>({
        extensionUri: dependencies.extensionUri,
        viewType: practiceViewType,
        name: 'practice',
        logger: dependencies.logger,
        parseMessage: parsePracticeMessage,
        onMessage: (message) => this.dispatch(message),
        onDidClose: () => {
          this.session = undefined;
          this.shown = undefined;
          this.stopCountdown();
        },
      }),
    );
    this.register({ dispose: () => this.stopCountdown() });
    this.register(dependencies.onDidChangeNotes(() => void this.followNotes()));
  }

  /** The mock interview's countdown in the status bar (for the tests). */
  get mockCountdown(): MockCountdown['state'] {
    return this.countdown.state;
  }

  /** Whether the panel is on show. */
  get isVisible(): boolean {
    return this.host.current?.visible ?? false;
  }

  /** Brings the panel of a mock interview in progress back to the front; false when there is none. */
  showMock(): boolean {
    const panel = this.host.current;
    if (!panel || this.session?.kind !== 'mock') {
      return false;
    }
    panel.reveal(undefined, false);
    return true;
  }

  /** The card on screen, if any. */
  get current(): ShownCard | undefined {
    return this.shown;
  }

  get isOpen(): boolean {
    return this.host.current !== undefined;
  }

  /** The mock interview's summary as Markdown, once it is over. */
  get summaryMarkdown(): string | undefined {
    return this.summary;
  }

  get html(): string {
    return this.host.html;
  }

  /** Settles when the webview has loaded the page and said "ready". */
  get ready(): Promise<void> {
    return this.host.ready;
  }

  /** Opens a session of these questions; `options` come from `sessionOptions`. Returns how many questions it holds. */
  startPractice(cards: readonly PracticeCard[], options: SessionOptions): number {
    const session = this.practiceSession(new Map(cards.map((card) => [cardId(card), card])), options);
    this.session = session;
    this.stopCountdown();
    this.open('practice', vscode.l10n.t('Practice Questions'));
    return session.queue.remaining;
  }

  /** A new practice session over these questions, queued from the progress now. */
  private practiceSession(cards: Map<string, PracticeCard>, options: SessionOptions): Extract<Session, { kind: 'practice' }> {
    const queue = new PracticeQueue([...cards.keys()], this.dependencies.store.progress, this.dependencies.store.now(), options);
    return { kind: 'practice', id: ++this.sessionCount, queue, cards, options };
  }

  startMock(cards: readonly PracticeCard[], secondsPerQuestion: number): void {
    this.session = { kind: 'mock', id: ++this.sessionCount, cards, index: 0, secondsPerQuestion, answers: [], startedAt: this.dependencies.store.now() };
    this.summary = undefined;
    this.stopCountdown();
    this.open('mock', vscode.l10n.t('Mock Interview'));
  }

  /** "Continue with the next N": a new session of the same questions, with what is due or new now. */
  private async continuePractice(): Promise<void> {
    const session = this.session;
    if (session?.kind !== 'practice' || session.queue.current !== undefined) {
      return;
    }
    const options = await this.sessionOptions(session.options);
    if (this.session !== session) {
      return;
    }
    this.session = this.practiceSession(session.cards, options);
    this.shown = undefined;
    this.lastDone = undefined;
    await this.showCurrent();
  }

  private open(mode: PracticeViewData['mode'], title: string): void {
    this.shown = undefined;
    this.lastCard = undefined;
    this.lastDone = undefined;
    const panel = this.host.open(vscode.l10n.t('Practice Questions'));
    panel.reveal(undefined, false);
    this.render(panel, mode, title);
  }

  /**
   * Brings the panel back after a window reload with the session its page kept: a practice
   * session over the same questions (the queue worked out again from the progress), or the mock
   * interview where it was, its answers, and the time of the question on screen running on.
   * A page with nothing usable (an older version's) is closed rather than left blank.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = typeof state === 'object' && state !== null ? (state as Partial<Record<string, unknown>>) : {};
    const resume = parsePracticeResume(saved.resume);
    const cards = resume ? await this.dependencies.cardsOf(resume.questionIds) : [];
    if (!resume || (cards.length === 0 && (resume.kind === 'practice' || resume.answers.length === 0))) {
      this.dependencies.logger.info('practice: nothing to restore after the reload; the panel is closed');
      panel.dispose();
      return;
    }
    this.host.adopt(panel);
    this.shown = undefined;
    this.lastCard = undefined;
    this.lastDone = undefined;
    if (resume.kind === 'practice') {
      this.session = this.practiceSession(new Map(cards.map((card) => [cardId(card), card])), await this.sessionOptions(resume));
      this.render(panel, 'practice', vscode.l10n.t('Practice Questions'));
      return;
    }
    this.session = { kind: 'mock', id: ++this.sessionCount, cards, index: 0, secondsPerQuestion: resume.secondsPerQuestion, answers: [...resume.answers], startedAt: new Date(resume.startedAt) };
    this.summary = undefined;
    const first = cards[0];
    if (first && resume.shownAt !== undefined) {
      const questionId = cardId(first);
      const sameCard = saved.questionId === questionId;
      const revealedAt = sameCard && typeof saved.revealedAt === 'number' && Number.isFinite(saved.revealedAt) ? Math.max(saved.revealedAt, resume.shownAt) : undefined;
      this.shown = {
        questionId,
        question: first.section.title,
        shownAt: resume.shownAt,
        revealedAt,
        timedOut: revealedAt !== undefined && saved.timedOut === true,
        notes: sameCard && typeof saved.notes === 'string' ? saved.notes.slice(0, maxAnswerNotesLength) : '',
      };
    }
    this.render(panel, 'mock', vscode.l10n.t('Mock Interview'));
  }

  /** What the page keeps so that `restore` can bring the session back. */
  private resumeOf(session: Session): PracticeResume {
    if (session.kind === 'practice') {
      return { kind: 'practice', questionIds: [...session.cards.keys()], includeNew: session.options.includeNew, newLimit: session.options.newLimit };
    }
    const current = session.cards[session.index];
    return {
      kind: 'mock',
      questionIds: session.cards.slice(session.index).map(cardId),
      secondsPerQuestion: session.secondsPerQuestion,
      startedAt: session.startedAt.toISOString(),
      answers: session.answers,
      shownAt: current && this.shown?.questionId === cardId(current) ? this.shown.shownAt : undefined,
    };
  }

  private render(panel: vscode.WebviewPanel, mode: PracticeViewData['mode'], title: string): void {
    panel.title = title;
    const webview = panel.webview;
    const media = (...path: string[]) => this.host.resourceUri(panel, ...path);
    const html = practiceDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      styleUris: [media('media', 'reader.css'), media('media', 'highlight.css'), media('media', 'practice.css')],
      scriptUri: media('dist', 'webview', 'practice.js'),
      language: vscode.env.language,
      title,
      data: {
        mode,
        strings: {
          showAnswer: vscode.l10n.t('Show answer'),
          grades: [vscode.l10n.t('Again'), vscode.l10n.t('Hard'), vscode.l10n.t('Good'), vscode.l10n.t('Easy')],
          notesPlaceholder: vscode.l10n.t('Answer as you would aloud: your notes go into the summary.'),
          timeUp: vscode.l10n.t("Time's up"),
          saveSummary: vscode.l10n.t('Save Summary...'),
          keysHint: mode === 'mock' ? vscode.l10n.t('Ctrl+Enter shows the answer; then 1-4 grade it.') : vscode.l10n.t('Space shows the answer; then 1-4 grade it.'),
        },
      },
    });
    this.host.setHtml(panel, html);
  }

  /** Everything the webview sends comes through here, validated first. */
  handleMessage(raw: unknown): Promise<void> {
    return this.host.receive(raw);
  }

  private async dispatch(message: PracticeMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.showCurrent();
        return;
      case 'reveal':
        this.markTimeUp();
        if (this.shown && this.shown.revealedAt === undefined) {
          this.shown.revealedAt = Date.now();
          this.shown.timedOut = message.timedOut;
        }
        this.updateCountdown();
        return;
      case 'draft':
        if (this.shown) {
          this.shown.notes = message.notes;
        }
        return;
      case 'grade':
        await this.grade(message.grade, message.notes);
        return;
      case 'continue':
        await this.continuePractice();
        return;
      case 'saveSummary':
        if (this.summary) {
          await this.dependencies.saveSummary(this.summary);
        }
        return;
      case 'openLink':
        await this.dependencies.openLink(message.href);
        return;
    }
  }

  /** Grades the card on screen, stores the new memory state, and shows the next card. */
  async grade(grade: Grade, notes = ''): Promise<void> {
    const session = this.session;
    const shown = this.shown;
    if (!session || !shown) {
      return;
    }
    this.markTimeUp();
    this.shown = undefined; // a second key press must not grade the next card twice
    const { store } = this.dependencies;
    const before = store.record(shown.questionId);
    const record = this.dependencies.scheduler().grade(before, grade);
    // The session moves on before the record is stored, so a page that asks for its card meanwhile gets the next one.
    const stored = store.setRecord(shown.questionId, record);
    const seconds = session.kind === 'mock' ? ((shown.revealedAt ?? Date.now()) - shown.shownAt) / 1000 : undefined;
    const review = reviewOf(shown.questionId, before, record, session.kind === 'practice' ? 'practice' : 'mock', session.kind === 'mock' ? { seconds, timedOut: shown.timedOut, session: session.startedAt.toISOString() } : {});
    // A review log that cannot be written must not stop practice: the progress is stored anyway.
    const logged = this.dependencies.reviewLog.append([review]).catch((error: unknown) => this.dependencies.logger.error(`review log: ${String(error)}`));
    if (session.kind === 'practice') {
      session.queue.advance(record, store.now());
    } else {
      const card = session.cards[session.index];
      session.answers.push({
        questionId: shown.questionId,
        topic: card.loaded.note.title,
        question: shown.question,
        seconds: ((shown.revealedAt ?? Date.now()) - shown.shownAt) / 1000,
        timedOut: shown.timedOut,
        grade,
        notes,
      });
      session.index++;
    }
    await Promise.all([stored, logged]);
    await this.showCurrent();
  }

  private currentCard(): PracticeCard | undefined {
    const session = this.session;
    if (!session) {
      return undefined;
    }
    if (session.kind === 'practice') {
      return session.queue.current ? session.cards.get(session.queue.current) : undefined;
    }
    return session.cards[session.index];
  }

  /**
   * Sends the card on screen to the webview: a new card, or the same one again when its page
   * was rebuilt or its notes changed language, with its time, side and typed answer as they were.
   */
  private async showCurrent(): Promise<void> {
    const panel = this.host.current;
    const session = this.session;
    if (!panel || !session) {
      return;
    }
    const card = this.currentCard();
    if (!card) {
      await this.showDone(panel, session);
      return;
    }
    const questionId = cardId(card);
    const { store } = this.dependencies;
    const note = card.loaded.note;
    const answer = answerMarkdown(note, card.section.id);
    this.renderer ??= textEngine().createNoteRenderer();
    const state = store.stateOf(questionId);
    const now = store.now();
    const preview = session.kind === 'practice' ? this.dependencies.scheduler().preview(store.record(questionId)) : undefined;
    if (this.shown?.questionId === questionId) {
      this.shown.question = card.section.title;
    } else {
      this.shown = { questionId, question: card.section.title, shownAt: Date.now(), timedOut: false, notes: '' };
    }
    this.markTimeUp();
    const shown = this.shown;
    const message: CardMessage = {
      type: 'card',
      sessionId: session.id,
      questionId,
      topic: note.title,
      question: card.section.title,
      state,
      stateLabel: questionStateLabel(state),
      answerHtml: answer ? this.renderer.render(answer.markdown, { lineOffset: answer.lineOffset }) : '',
      progress: session.kind === 'practice' ? this.practiceProgress(session.queue) : vscode.l10n.t('Question {0} of {1}', session.answers.length + 1, session.answers.length + session.cards.length - session.index),
      plan: session.kind === 'practice' ? this.practicePlan(session.queue, session.options) : '',
      intervals: preview ? ([1, 2, 3, 4] as const).map((grade) => formatInterval(now.toISOString(), preview[grade].due)) : [],
      timerSeconds: session.kind === 'mock' ? session.secondsPerQuestion : 0,
      elapsedMs: Math.max(0, (shown.revealedAt ?? Date.now()) - shown.shownAt),
      revealed: shown.revealedAt !== undefined,
      timedOut: shown.timedOut,
      notes: shown.notes,
      resume: this.resumeOf(session),
    };
    this.lastCard = message;
    this.lastDone = undefined;
    if (session.kind === 'mock') {
      this.startCountdown();
    }
    await panel.webview.postMessage(message);
  }

  /** "7 of 20 reviewed · 15 left (2 to repeat)": a question graded Again is reviewed, and still left. */
  private practiceProgress(queue: PracticeQueue): string {
    const { reviewed, total, left, toRepeat } = queue.progress;
    return toRepeat > 0
      ? vscode.l10n.t('{0} of {1} reviewed · {2} left ({3} to repeat)', reviewed, total, left, toRepeat)
      : vscode.l10n.t('{0} of {1} reviewed · {2} left', reviewed, total, left);
  }

  /** The options of a new session: the same topics and limits, and the interview plan as it is now. */
  async sessionOptions(base: Pick<SessionOptions, 'includeNew' | 'newLimit'>): Promise<SessionOptions> {
    const interview = await this.dependencies.interviewSchedule().catch((error: unknown) => {
      this.dependencies.logger.warn(`practice: the interview plan could not be worked out: ${String(error)}`);
      return undefined;
    });
    return { includeNew: base.includeNew, newLimit: base.newLimit, interview };
  }

  /** Why the session holds what it holds: the interview plan, and the new questions at most `newLimit` at a time. */
  private practicePlan(queue: PracticeQueue, options: SessionOptions): string {
    const { due, fresh, freshWaiting, broughtForward, plannedNew, plannedLater } = queue.plan;
    const sentences = [vscode.l10n.t('This session: {0} due and {1} new.', due.length, fresh.length)];
    if (broughtForward > 0) {
      sentences.push(
        broughtForward === 1
          ? vscode.l10n.t('1 question is due early, so that you still recall it on the interview day.')
          : vscode.l10n.t('{0} questions are due early, so that you still recall them on the interview day.', broughtForward),
      );
    }
    if (plannedNew > 0 || plannedLater > 0) {
      sentences.push(vscode.l10n.t('The interview plan brings {0} new questions today; {1} more come on the days left.', plannedNew, plannedLater));
    }
    if (freshWaiting > 0) {
      sentences.push(
        freshWaiting === 1
          ? vscode.l10n.t('A session brings at most {0} new questions; 1 more waits for the next one.', options.newLimit)
          : vscode.l10n.t('A session brings at most {0} new questions; {1} more wait for the next one.', options.newLimit, freshWaiting),
      );
    }
    return sentences.join(' ');
  }

  /** Marks the mock question on screen as timed out once its time is over, even if its page is not there to say so. */
  private markTimeUp(): void {
    const session = this.session;
    const shown = this.shown;
    if (session?.kind !== 'mock' || !shown || shown.revealedAt !== undefined) {
      return;
    }
    const limitMs = session.secondsPerQuestion * 1000;
    if (Date.now() - shown.shownAt >= limitMs) {
      shown.revealedAt = shown.shownAt + limitMs;
      shown.timedOut = true;
    }
  }

  private startCountdown(): void {
    this.updateCountdown();
    this.countdownTimer ??= setInterval(() => this.updateCountdown(), 1000);
  }

  private stopCountdown(): void {
    clearInterval(this.countdownTimer);
    this.countdownTimer = undefined;
    this.countdown.hide();
  }

  /** The time left, worked out from when the question was shown (never by counting ticks). */
  private updateCountdown(): void {
    const session = this.session;
    const shown = this.shown;
    if (session?.kind !== 'mock' || !shown) {
      return;
    }
    this.markTimeUp();
    const question = vscode.l10n.t('Question {0} of {1}', session.answers.length + 1, session.answers.length + session.cards.length - session.index);
    if (shown.revealedAt === undefined) {
      const left = formatSeconds(Math.ceil((session.secondsPerQuestion * 1000 - (Date.now() - shown.shownAt)) / 1000));
      this.countdown.show(left, vscode.l10n.t('Mock interview: {0}, {1} left. Click to go back to it.', question, left));
    } else {
      const label = shown.timedOut ? vscode.l10n.t("Time's up") : vscode.l10n.t('Grade your answer');
      this.countdown.show(label, vscode.l10n.t('Mock interview: {0}, {1}. Click to go back to it.', question, label));
    }
  }

  /** The notes' language (or a note) changed: the session's cards follow, the one on screen in place. */
  private async followNotes(): Promise<void> {
    const session = this.session;
    if (!session) {
      return;
    }
    if (session.kind === 'practice') {
      const cards = await this.dependencies.resolveCards([...session.cards.values()]);
      cards.forEach((card) => session.cards.set(cardId(card), card));
    } else {
      session.cards = await this.dependencies.resolveCards(session.cards);
    }
    if (this.session === session && this.shown) {
      await this.showCurrent();
    }
  }

  private async showDone(panel: vscode.WebviewPanel, session: Session): Promise<void> {
    this.shown = undefined;
    this.stopCountdown();
    this.renderer ??= textEngine().createNoteRenderer();
    if (session.kind === 'practice') {
      const done = await this.practiceDone(session);
      this.lastDone = done;
      this.lastCard = undefined;
      await panel.webview.postMessage(done);
      return;
    }
    this.summary = mockInterviewSummary(session.answers, session.startedAt, {
      title: vscode.l10n.t('Mock interview'),
      date: vscode.l10n.t('Date'),
      question: vscode.l10n.t('Question'),
      topic: vscode.l10n.t('Topic'),
      time: vscode.l10n.t('Time'),
      grade: vscode.l10n.t('Grade'),
      total: vscode.l10n.t('Total time'),
      timedOut: vscode.l10n.t('time up'),
      yourNotes: vscode.l10n.t('Your notes'),
      noNotes: vscode.l10n.t('No notes'),
      notGraded: vscode.l10n.t('not graded'),
      grades: gradeLabels(),
    });
    this.dependencies.logger.info(`mock interview: ${session.answers.length} questions in ${formatSeconds(session.answers.reduce((sum, answer) => sum + answer.seconds, 0))}`);
    const done: DoneMessage = { type: 'done', html: this.renderer.render(this.summary), canSave: true, resume: this.resumeOf(session) };
    this.lastDone = done;
    this.lastCard = undefined;
    await panel.webview.postMessage(done);
  }

  /** The end of a practice session: the grades given, when a question is due next, and what comes next. */
  private async practiceDone(session: Extract<Session, { kind: 'practice' }>): Promise<DoneMessage> {
    const { store } = this.dependencies;
    const now = store.now();
    const ids = [...session.cards.keys()];
    const { reviewed } = session.queue.progress;
    const lines = [`## ${reviewed === 0 ? vscode.l10n.t('Nothing to practice here right now.') : reviewed === 1 ? vscode.l10n.t('Done: 1 question reviewed.') : vscode.l10n.t('Done: {0} questions reviewed.', reviewed)}`];
    if (reviewed > 0) {
      lines.push('', gradeBreakdownMarkdown(session.queue.gradeCounts, gradeLabels()));
    }
    const next = nextDueAt(ids, store.progress, now);
    if (next) {
      lines.push('', vscode.l10n.t('Next question due in {0} ({1}).', formatInterval(now.toISOString(), next.toISOString()), formatDueTime(next)));
    }
    const offer = planSession(ids, store.progress, now, await this.sessionOptions(session.options));
    const offered = offer.due.length + offer.fresh.length;
    const freshLeft = offer.fresh.length - offer.plannedNew + offer.freshWaiting;
    if (offer.plannedLater > 0) {
      lines.push(
        '',
        offer.plannedLater === 1
          ? vscode.l10n.t("1 new question of the interview's topics waits for its day in the interview plan.")
          : vscode.l10n.t("{0} new questions of the interview's topics wait for their day in the interview plan.", offer.plannedLater),
      );
    }
    if (freshLeft > 0) {
      lines.push(
        '',
        freshLeft === 1
          ? vscode.l10n.t('1 new question waits in these topics: a session brings at most {0}.', session.options.newLimit)
          : vscode.l10n.t('{0} new questions wait in these topics: a session brings at most {1}.', freshLeft, session.options.newLimit),
      );
    }
    this.renderer ??= textEngine().createNoteRenderer();
    return {
      type: 'done',
      html: this.renderer.render(lines.join('\n')),
      canSave: false,
      continueLabel: offered > 0 ? vscode.l10n.t('Continue with the next {0}', offered) : undefined,
      resume: this.resumeOf(session),
    };
  }
}

function gradeLabels(): Record<Grade, string> {
  return { 1: vscode.l10n.t('Again'), 2: vscode.l10n.t('Hard'), 3: vscode.l10n.t('Good'), 4: vscode.l10n.t('Easy') };
}
