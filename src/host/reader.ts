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

export interface ReaderLocation {
  readonly noteId: string;
  readonly sectionId?: string;
  readonly language?: NoteLanguage;
  /** Words to mark in that section: what a search matched. */
  readonly highlight?: readonly string[];
  /** One source's note even when another source's replaces it (the bundled original of a user's copy). */
  readonly sourceId?: string;
}

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
  private current: (ReaderLocation & { language: NoteLanguage }) | undefined;
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
        onDidClose: () => (this.current = undefined),
        enableFindWidget: true,
      }),
    );
    this.register(dependencies.library.onDidChange(() => void this.rerender()));
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
      { scrollY: typeof state?.scrollY === 'number' ? state.scrollY : undefined },
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

  async show(location: ReaderLocation, options: { viewColumn?: vscode.ViewColumn; scrollY?: number; preserveFocus?: boolean } = {}): Promise<boolean> {
    const loaded = await this.dependencies.library.note(location.noteId, location.language, location.sourceId);
    if (!loaded) {
      void showWarning(vscode.l10n.t('There is no note "{0}".', location.noteId));
      return false;
    }
    const panel = this.host.open(vscode.l10n.t('Interview Notes'), options.viewColumn);
    if (!panel.visible) {
      panel.reveal(options.viewColumn, options.preserveFocus);
    }
    const sameNote = this.current?.noteId === loaded.note.id && this.current.language === loaded.note.language && this.current.sourceId === location.sourceId;
    this.current = { noteId: loaded.note.id, sectionId: location.sectionId, language: loaded.note.language, sourceId: location.sourceId };
    if (sameNote && location.sectionId && options.scrollY === undefined) {
      await panel.webview.postMessage({ type: 'scrollTo', sectionId: location.sectionId, highlight: location.highlight ?? [] });
      return true;
    }
    await this.render(panel, loaded, { sectionId: location.sectionId, scrollY: options.scrollY, highlight: location.highlight });
    return true;
  }

  private async rerender(): Promise<void> {
    if (!this.host.current || !this.current) {
      return;
    }
    const { noteId, language, sectionId, sourceId } = this.current;
    const loaded = await this.dependencies.library.note(noteId, language, sourceId);
    const panel = this.host.current;
    if (!panel) {
      return;
    }
    if (loaded) {
      await this.render(panel, loaded, { sectionId, keepScroll: true });
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
    return {
      ...position,
      hideAnswers: configuration.get<boolean>(settings.hideAnswers, false),
      fonts: {
        family: configuration.get<string>('markdown.preview.fontFamily', ''),
        size: configuration.get<number>('markdown.preview.fontSize', 14),
        lineHeight: configuration.get<number>('markdown.preview.lineHeight', 1.6),
      },
      strings: { copy: vscode.l10n.t('Copy'), insert: vscode.l10n.t('Insert at Cursor'), copied: vscode.l10n.t('Copied'), showAnswer: vscode.l10n.t('Show answer'), hideAnswer: vscode.l10n.t('Hide answer') },
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

  /** Everything the webview sends comes through here, validated first. */
  handleMessage(raw: unknown): Promise<void> {
    return this.host.receive(raw);
  }

  private async dispatch(message: ReaderMessage): Promise<void> {
    switch (message.type) {
      case 'openLink':
        await this.openLink(message.href);
        return;
      case 'insertCode':
        await this.dependencies.editors.insertText(message.code);
        return;
      case 'copyCode':
        await vscode.env.clipboard.writeText(message.code);
        return;
      case 'scrolled':
        if (this.current) {
          this.current = { ...this.current, sectionId: message.sectionId };
        }
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
    vscode.window.registerWebviewPanelSerializer(readerViewType, { deserializeWebviewPanel: (panel, state: ReaderState | undefined) => reader.restore(panel, state) }),
  );
}
