import * as vscode from 'vscode';
import { isNoteLanguage, type NoteLanguage } from '../core/notes/note';
import { createNonce, readerChrome, readerDocument } from '../core/render/readerDocument';
import { escapeHtml } from '../core/text/html';
import { parseReaderMessage, type ReaderMessage } from '../core/render/readerMessages';
import type { NoteRenderer } from '../core/render/noteRenderer';
import { textEngine } from './textEngine';
import type { Logger } from '../core/util/logger';
import { readerViewType } from './commandIds';
import { Disposable } from './disposable';
import { WebviewPanelHost } from './webviewPanel';
import { openNoteLink, type LinkOutcome } from './linkOpener';
import type { LoadedNote, NoteLibrary } from './noteLibrary';
import type { EditorTracker } from './editorTracker';
import { questionStateLabel, type QuestionStates } from './questionStates';
import { showWarning } from './notify';
import { settings } from './settings';
import { commands } from './commandIds';
import type { ExtensionServices } from './services';
import { questionIdOf } from '../core/practice/progress';
import { plainLabel } from '../core/text/inlineMarkdown';
import { NavigationHistory } from '../core/render/readerHistory';
import { preferredNoteLanguage } from './noteLanguage';

export interface ReaderLocation {
  readonly noteId: string;
  readonly sectionId?: string;
  readonly language?: NoteLanguage;
  /** Words to mark in that section: what a search matched. */
  readonly highlight?: readonly string[];
  /** One source's note even when another source's replaces it (the bundled original of a user's copy). */
  readonly sourceId?: string;
}

/** A place in the reader: a note, and where in it. Back and Forward return to one. */
interface ReaderPlace {
  readonly noteId: string;
  readonly language: NoteLanguage;
  readonly sourceId?: string;
  readonly sectionId?: string;
  /** The scroll position last reported by the webview. */
  readonly scrollY?: number;
}

/** The settings the reader's page is made from, besides the notes' language: a change re-renders it in place. */
const readerSettings = [settings.hideAnswers, 'markdown.preview.fontFamily', 'markdown.preview.fontSize', 'markdown.preview.lineHeight'];

/** What the webview keeps with `setState`, and VS Code hands back after a reload. */
export interface ReaderState {
  readonly noteId?: unknown;
  readonly language?: unknown;
  readonly sectionId?: unknown;
  readonly scrollY?: unknown;
}

export interface ReaderDependencies {
  readonly extensionUri: vscode.Uri;
  readonly library: NoteLibrary;
  readonly editors: EditorTracker;
  readonly logger: Logger;
  readonly openExternal?: (uri: vscode.Uri) => Thenable<boolean>;
  readonly insertSnippet?: (snippetId: string) => Thenable<boolean>;
  /** Practice progress, shown as a badge beside each question. */
  readonly questionStates?: QuestionStates;
}

/** The note reader: one webview panel, reused, restored after a reload. */
export class Reader extends Disposable {
  private readonly host: WebviewPanelHost<ReaderMessage>;
  private current: ReaderPlace | undefined;
  /** The id of the page last rendered: what the webview sends about an older page is stale. */
  private page = '';
  private readonly history = new NavigationHistory<ReaderPlace>();
  /** Counts renders asked for by changes, so that only the latest one is shown. */
  private rerenders = 0;
  private renderer: NoteRenderer | undefined;
  /** The file of the note on show, to name it if it goes away. */
  private currentFile: vscode.Uri | undefined;

  constructor(private readonly dependencies: ReaderDependencies) {
    super();
    this.host = this.register(
      new WebviewPanelHost<ReaderMessage>({
        extensionUri: dependencies.extensionUri,
        viewType: readerViewType,
        name: 'reader',
        logger: dependencies.logger,
        parseMessage: parseReaderMessage,
        onMessage: (message) => this.dispatch(message),
        onDidClose: () => {
          this.current = undefined;
          this.history.clear();
        },
        enableFindWidget: true,
      }),
    );
    this.register(dependencies.library.onDidChange(() => void this.rerender('keepScroll')));
    // A setting the page is made from changed: show the note again as it asks, at the same section.
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settings.language)) {
        this.followLanguageSetting();
      } else if (readerSettings.some((key) => event.affectsConfiguration(key))) {
        void this.rerender('section');
      }
    }));
    if (dependencies.questionStates) {
      this.register(dependencies.questionStates.onDidChange(() => void this.postQuestionStates()));
    }
  }

  /** Brings a panel back after a window reload, at the note and place its state names. */
  async restore(panel: vscode.WebviewPanel, state: ReaderState | undefined): Promise<void> {
    this.host.adopt(panel);
    const noteId = typeof state?.noteId === 'string' ? state.noteId : undefined;
    if (!noteId) {
      panel.dispose();
      return;
    }
    await this.show(
      { noteId, sectionId: typeof state?.sectionId === 'string' ? state.sectionId : undefined, language: isNoteLanguage(state?.language) ? state.language : undefined },
      { scrollY: typeof state?.scrollY === 'number' ? state.scrollY : undefined, remember: false },
    );
  }

  get location(): ReaderLocation | undefined {
    return this.current;
  }

  /** The HTML last given to the webview (for tests and diagnostics). */
  get html(): string {
    return this.host.html;
  }

  /** Settles when the webview has loaded the last render (its script said "ready"). */
  get rendered(): Promise<void> {
    return this.host.ready;
  }

  get isOpen(): boolean {
    return this.host.current !== undefined;
  }

  /**
   * Shows a note, at a section or scroll position. Unless `remember` is false (Back, Forward,
   * a restore), the place left behind goes on the back history, as a browser does.
   */
  async show(location: ReaderLocation, options: { viewColumn?: vscode.ViewColumn; scrollY?: number; preserveFocus?: boolean; remember?: boolean } = {}): Promise<boolean> {
    const loaded = await this.dependencies.library.note(location.noteId, location.language, location.sourceId);
    if (!loaded) {
      void showWarning(vscode.l10n.t('There is no note "{0}".', location.noteId));
      return false;
    }
    const panel = this.host.open(vscode.l10n.t('Interview Notes'), options.viewColumn);
    const wasVisible = panel.visible;
    if (!wasVisible) {
      panel.reveal(options.viewColumn, options.preserveFocus);
    }
    const previous = this.current;
    const sameNote = previous?.noteId === loaded.note.id && previous.language === loaded.note.language && previous.sourceId === location.sourceId;
    const next: ReaderPlace = { noteId: loaded.note.id, sectionId: location.sectionId, language: loaded.note.language, sourceId: location.sourceId, scrollY: options.scrollY };
    if (previous && options.remember !== false) {
      this.history.leave(previous);
    }
    this.current = next;
    // Within the note on show the page only scrolls; a page that was hidden is made again.
    if (sameNote && wasVisible && (location.sectionId || options.scrollY !== undefined)) {
      await panel.webview.postMessage({ type: 'scrollTo', sectionId: location.sectionId, scrollY: options.scrollY, highlight: location.highlight ?? [] });
      await this.postHistory();
      return true;
    }
    this.page = ''; // until the new page is set, what the old one reports is not about the place on show
    await this.render(panel, loaded, { sectionId: location.sectionId, scrollY: options.scrollY, highlight: location.highlight });
    return true;
  }

  get canGoBack(): boolean {
    return this.history.canGoBack;
  }

  get canGoForward(): boolean {
    return this.history.canGoForward;
  }

  /** Back to the place the user came from (another note, or another place in this one). */
  goBack(): Promise<boolean> {
    return this.goTo(this.current && this.history.back(this.current));
  }

  goForward(): Promise<boolean> {
    return this.goTo(this.current && this.history.forward(this.current));
  }

  private async goTo(place: ReaderPlace | undefined): Promise<boolean> {
    if (!place || !this.host.current) {
      return false;
    }
    // The section stands in for a scroll position the page never reported (it was not scrolled).
    const scrollY = place.scrollY ?? (place.sectionId ? undefined : 0);
    return this.show({ noteId: place.noteId, language: place.language, sourceId: place.sourceId, sectionId: scrollY === undefined ? place.sectionId : undefined }, { scrollY, remember: false });
  }

  /** Tells the page whether Back and Forward can go anywhere. */
  private async postHistory(): Promise<void> {
    await this.host.current?.webview.postMessage({ type: 'history', canGoBack: this.history.canGoBack, canGoForward: this.history.canGoForward });
  }

  /** The notes' language setting changed: the note on show, and the places to go back to, follow it. */
  private followLanguageSetting(): void {
    const language = preferredNoteLanguage();
    if (!this.current || this.current.language === language) {
      return;
    }
    // Scroll positions do not carry over to the other language's page; sections do (same ids).
    this.current = { ...this.current, language, scrollY: undefined };
    this.history.update((place) => ({ ...place, language, scrollY: undefined }));
    void this.rerender('section');
  }

  /**
   * Renders the note on show again after a change: of the note's file (`keepScroll`: at the
   * same scroll position) or of a setting (`section`: at the same section, as the page's height
   * changed). Of overlapping renders only the latest is shown.
   */
  private async rerender(place: 'keepScroll' | 'section'): Promise<void> {
    const generation = ++this.rerenders;
    if (!this.host.current || !this.current) {
      return;
    }
    const { noteId, language, sectionId, sourceId } = this.current;
    const loaded = await this.dependencies.library.note(noteId, language, sourceId);
    const panel = this.host.current;
    if (!panel || generation !== this.rerenders) {
      return;
    }
    if (loaded) {
      await this.render(panel, loaded, { sectionId, keepScroll: place === 'keepScroll' });
    } else {
      this.renderMissing(panel, noteId, language);
    }
  }

  /** The note's file was deleted or renamed while on show: say so in its place. */
  private renderMissing(panel: vscode.WebviewPanel, noteId: string, language: NoteLanguage): void {
    const file = this.currentFile?.toString(true) ?? noteId;
    const message = vscode.l10n.t('The file {0} was deleted or renamed, so the note "{1}" is no longer available.', file, noteId);
    this.dependencies.logger.warn(`reader: ${message}`);
    this.showMessagePage(panel, { noteId, language, title: vscode.l10n.t('Note not found'), bodyHtml: `<p class="note-missing" role="alert">${escapeHtml(message)}</p>` });
  }

  private showMessagePage(panel: vscode.WebviewPanel, page: { noteId: string; language: NoteLanguage; title: string; bodyHtml: string }): void {
    const webview = panel.webview;
    const media = (...path: string[]) => this.host.resourceUri(panel, ...path);
    panel.title = page.title;
    const html = readerDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      styleUris: [media('media', 'reader.css')],
      scriptUri: media('dist', 'webview', 'reader.js'),
      headScriptUri: media('dist', 'webview', 'policyWatch.js'),
      language: page.language,
      title: page.title,
      bodyHtml: page.bodyHtml,
      data: this.readerData({ noteId: page.noteId, language: page.language, keepScroll: false, highlight: [] }),
    });
    this.host.setHtml(panel, html);
  }

  /** The state and strings the webview script reads from its data attribute. */
  private readerData(position: { noteId: string; language: NoteLanguage; sectionId?: string; scrollY?: number; keepScroll: boolean; highlight: readonly string[] }): unknown {
    const configuration = vscode.workspace.getConfiguration();
    this.page = createNonce();
    return {
      ...position,
      page: this.page,
      history: { canGoBack: this.history.canGoBack, canGoForward: this.history.canGoForward },
      hideAnswers: configuration.get<boolean>(settings.hideAnswers, false),
      fonts: {
        family: configuration.get<string>('markdown.preview.fontFamily', ''),
        size: configuration.get<number>('markdown.preview.fontSize', 14),
        lineHeight: configuration.get<number>('markdown.preview.lineHeight', 1.6),
      },
      strings: {
        copy: vscode.l10n.t('Copy'),
        insert: vscode.l10n.t('Insert at Cursor'),
        copied: vscode.l10n.t('Copied'),
        showAnswer: vscode.l10n.t('Show answer'),
        hideAnswer: vscode.l10n.t('Hide answer'),
        back: vscode.l10n.t('Back'),
        forward: vscode.l10n.t('Forward'),
      },
    };
  }

  private async render(panel: vscode.WebviewPanel, loaded: LoadedNote, position: { sectionId?: string; scrollY?: number; keepScroll?: boolean; highlight?: readonly string[] }): Promise<void> {
    this.renderer ??= textEngine().createNoteRenderer();
    const { note } = loaded;
    const webview = panel.webview;
    const media = (...path: string[]) => this.host.resourceUri(panel, ...path);
    const topics = await this.dependencies.library.topics(note.language);
    const place = topics.findIndex((topic) => topic.note.id === note.id);
    const neighbour = (offset: number) => {
      const topic = place >= 0 ? topics[place + offset] : undefined;
      return topic ? { noteId: topic.note.id, title: topic.note.title } : undefined;
    };
    const questionIds = new Set(note.sections.filter((section) => section.kind === 'question').map((section) => section.id));
    panel.title = note.title;
    this.currentFile = loaded.file.uri;
    const html = readerDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      styleUris: [media('media', 'reader.css'), media('media', 'highlight.css')],
      scriptUri: media('dist', 'webview', 'reader.js'),
      headScriptUri: media('dist', 'webview', 'policyWatch.js'),
      language: note.language,
      title: note.title,
      bodyHtml: this.renderer.render(note.body, { lineOffset: note.bodyLineOffset, questionIds }),
      chrome: readerChrome({
        outline: note.sections.map((section) => ({ id: section.id, title: plainLabel(section.title), level: section.level, question: section.kind === 'question' })),
        previous: neighbour(-1),
        next: neighbour(1),
        strings: { contents: vscode.l10n.t('Contents'), previous: vscode.l10n.t('Previous:'), next: vscode.l10n.t('Next:'), hideAnswers: vscode.l10n.t('Hide answers') },
      }),
      data: this.readerData({
        noteId: note.id,
        language: note.language,
        sectionId: position.sectionId,
        scrollY: position.scrollY,
        keepScroll: position.keepScroll ?? false,
        highlight: position.highlight ?? [],
      }),
    });
    this.host.setHtml(panel, html);
  }

  /** Whether a report of the page's place is about the note on show: not while another note's page is being made. */
  private isFromPageOnShow(): boolean {
    return this.page !== '';
  }

  /** Everything the webview sends comes through here, validated first. */
  handleMessage(raw: unknown): Promise<void> {
    return this.host.receive(raw);
  }

  private async dispatch(message: ReaderMessage): Promise<void> {
    switch (message.type) {
      case 'openLink':
        if (this.current && message.scrollY !== undefined && this.isFromPageOnShow()) {
          this.current = { ...this.current, scrollY: message.scrollY };
        }
        await this.openLink(message.href);
        return;
      case 'insertCode':
        await this.dependencies.editors.insertText(message.code);
        return;
      case 'copyCode':
        await vscode.env.clipboard.writeText(message.code);
        return;
      case 'scrolled':
        if (this.current && this.isFromPageOnShow()) {
          this.current = { ...this.current, sectionId: message.sectionId, scrollY: message.scrollY };
        }
        return;
      case 'jumped':
        if (this.current && this.isFromPageOnShow()) {
          this.history.leave({ ...this.current, scrollY: message.fromScrollY });
          this.current = { ...this.current, sectionId: message.sectionId, scrollY: undefined };
          await this.postHistory();
        }
        return;
      case 'navigate':
        await (message.direction === 'back' ? this.goBack() : this.goForward());
        return;
      case 'ready':
        await this.postQuestionStates();
        return;
    }
  }

  /** The practice state of each question in the note on screen, as badges beside the headings. */
  async postQuestionStates(): Promise<void> {
    const states = this.dependencies.questionStates;
    const panel = this.host.current;
    const current = this.current;
    if (!states || !panel || !current) {
      return;
    }
    const loaded = await this.dependencies.library.note(current.noteId, current.language);
    const badges = (loaded?.note.sections ?? [])
      .filter((section) => section.kind === 'question')
      .map((section) => {
        const state = states.stateOf(questionIdOf(current.noteId, section.id));
        return { sectionId: section.id, state, label: questionStateLabel(state) };
      });
    this.lastQuestionStates = badges;
    await panel.webview.postMessage({ type: 'questionStates', states: badges });
  }

  /** The badges last sent to the webview (for tests). */
  lastQuestionStates: readonly { sectionId: string; state: string; label: string }[] = [];

  /** A link clicked in the note on show (linkOpener.ts decides what it may do). */
  openLink(href: string): Promise<LinkOutcome> {
    return openNoteLink(href, {
      showNote: async ({ noteId, sectionId }) => {
        const id = noteId ?? this.current?.noteId;
        return id !== undefined && this.show({ noteId: id, sectionId, language: this.current?.language });
      },
      insertSnippet: this.dependencies.insertSnippet,
      openExternal: this.dependencies.openExternal,
      logger: this.dependencies.logger,
    });
  }
}

/** "Open Note", and the reader panel brought back after a window reload. */
export function registerReader({ reader }: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commands.openNote, (noteId: unknown, sectionId: unknown, sourceId: unknown) => {
      if (typeof noteId !== 'string') {
        return vscode.commands.executeCommand(commands.search);
      }
      return reader.show({ noteId, sectionId: typeof sectionId === 'string' ? sectionId : undefined, sourceId: typeof sourceId === 'string' ? sourceId : undefined });
    }),
    vscode.commands.registerCommand(commands.goBack, () => reader.goBack()),
    vscode.commands.registerCommand(commands.goForward, () => reader.goForward()),
    vscode.window.registerWebviewPanelSerializer(readerViewType, { deserializeWebviewPanel: (panel, state: ReaderState | undefined) => reader.restore(panel, state) }),
  );
}
