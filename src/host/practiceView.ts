import * as vscode from 'vscode';
import type { NoteSection } from '../core/notes/note';
import { formatSeconds, mockInterviewSummary, type MockAnswer } from '../core/practice/mockInterview';
import { formatInterval, practiceDocument, type PracticeViewData } from '../core/practice/practiceDocument';
import { parsePracticeMessage, type PracticeMessage } from '../core/practice/practiceMessages';
import { PracticeQueue } from '../core/practice/practiceQueue';
import { questionIdOf, type Grade } from '../core/practice/progress';
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
import { questionStateLabel } from './questionStates';

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
}

type Session =
  | { readonly kind: 'practice'; readonly queue: PracticeQueue; readonly cards: ReadonlyMap<string, PracticeCard> }
  | { readonly kind: 'mock'; readonly cards: readonly PracticeCard[]; index: number; readonly secondsPerQuestion: number; readonly answers: MockAnswer[]; readonly startedAt: Date };

/** What the host knows of the card on screen (for the tests and the grade it receives). */
export interface ShownCard {
  readonly questionId: string;
  readonly question: string;
  readonly shownAt: number;
  revealedAt?: number;
  timedOut: boolean;
}

/** The practice and mock-interview webview: one panel, one session at a time. */
export class PracticeView extends Disposable {
  private readonly host: WebviewPanelHost<PracticeMessage>;
  private session: Session | undefined;
  private shown: ShownCard | undefined;
  private renderer: NoteRenderer | undefined;
  private summary: string | undefined;

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
        },
      }),
    );
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

  startPractice(cards: readonly PracticeCard[], includeNew: boolean, newLimit: number): number {
    const byId = new Map(cards.map((card) => [cardId(card), card]));
    const queue = new PracticeQueue([...byId.keys()], this.dependencies.store.progress, this.dependencies.store.now(), { includeNew, newLimit });
    this.session = { kind: 'practice', queue, cards: byId };
    this.open('practice', vscode.l10n.t('Practice Questions'));
    return queue.remaining;
  }

  startMock(cards: readonly PracticeCard[], secondsPerQuestion: number): void {
    this.session = { kind: 'mock', cards, index: 0, secondsPerQuestion, answers: [], startedAt: this.dependencies.store.now() };
    this.summary = undefined;
    this.open('mock', vscode.l10n.t('Mock Interview'));
  }

  private open(mode: PracticeViewData['mode'], title: string): void {
    this.shown = undefined;
    const panel = this.host.open(vscode.l10n.t('Practice Questions'));
    panel.title = title;
    panel.reveal(undefined, false);
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
        if (this.shown && this.shown.revealedAt === undefined) {
          this.shown.revealedAt = Date.now();
          this.shown.timedOut = message.timedOut;
        }
        return;
      case 'grade':
        await this.grade(message.grade, message.notes);
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
    this.shown = undefined; // a second key press must not grade the next card twice
    const { store } = this.dependencies;
    const record = this.dependencies.scheduler().grade(store.record(shown.questionId), grade);
    await store.setRecord(shown.questionId, record);
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
    this.shown = { questionId, question: card.section.title, shownAt: Date.now(), timedOut: false };
    await panel.webview.postMessage({
      type: 'card',
      questionId,
      topic: note.title,
      question: card.section.title,
      state,
      stateLabel: questionStateLabel(state),
      answerHtml: answer ? this.renderer.render(answer.markdown, { lineOffset: answer.lineOffset }) : '',
      progress:
        session.kind === 'practice'
          ? vscode.l10n.t('{0} to go · {1} reviewed', session.queue.remaining, session.queue.reviewedCount)
          : vscode.l10n.t('Question {0} of {1}', session.index + 1, session.cards.length),
      intervals: preview ? ([1, 2, 3, 4] as const).map((grade) => formatInterval(now.toISOString(), preview[grade].due)) : [],
      timerSeconds: session.kind === 'mock' ? session.secondsPerQuestion : 0,
    });
  }

  private async showDone(panel: vscode.WebviewPanel, session: Session): Promise<void> {
    this.shown = undefined;
    this.renderer ??= textEngine().createNoteRenderer();
    if (session.kind === 'practice') {
      const reviewed = session.queue.reviewedCount;
      const text = reviewed > 0 ? vscode.l10n.t('Done: {0} reviews. Come back when more questions are due.', reviewed) : vscode.l10n.t('Nothing to practice here right now.');
      await panel.webview.postMessage({ type: 'done', html: this.renderer.render(`## ${text}`), canSave: false });
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
      grades: { 1: vscode.l10n.t('Again'), 2: vscode.l10n.t('Hard'), 3: vscode.l10n.t('Good'), 4: vscode.l10n.t('Easy') },
    });
    this.dependencies.logger.info(`mock interview: ${session.answers.length} questions in ${formatSeconds(session.answers.reduce((sum, answer) => sum + answer.seconds, 0))}`);
    await panel.webview.postMessage({ type: 'done', html: this.renderer.render(this.summary), canSave: true });
  }
}
