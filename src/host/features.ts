import * as vscode from 'vscode';
import type { Logger } from '../core/util/logger';
import { insertSnippetCommand, openNoteCommand, practiceCommands, readerViewType, refreshCommand, searchCommand, searchSnippetsCommand, topicsViewId, userNoteCommands } from './commandIds';
import { EditorTracker } from './editorTracker';
import { languageSetting } from './noteLanguage';
import { NoteLibrary } from './noteLibrary';
import { allNoteSources, maxNoteSizeSetting, notesFoldersSetting } from './noteSources';
import type { Reader, ReaderState } from './reader';
import { completionSelector, pickAndInsertSnippet, SnippetCompletionProvider, snippetLanguageOf } from './snippetCompletions';
import { snippetFoldersSetting, userSnippetFolders } from './snippetFolders';
import { SnippetLibrary } from './snippetLibrary';
import { TopicsTreeProvider } from './topicsTree';
import { TreeCommands } from './treeCommands';
import type { Practice } from './practice';
import { ProgressStore } from './practiceProgress';
import type { UserNoteCommands } from './userNotes';
import { describeUri } from './uris';
import { codingAidsModule, practiceModule, readerModule, searchPickerModule, userNotesModule } from './lazyModules';
import { showWarning } from './notify';
import { maxNoteBytes } from '../core/notes/noteLimits';

/** What activate() returns: for other extensions and for the tests in the real host. */
export interface InterviewNotesApi {
  /** Evaluating the bundle plus running activate(), in milliseconds. */
  activationMs: number;
  /** From the bundle starting to load to activate() returning, VS Code's own work included. */
  activationWallMs: number;
  /** The registrations made just after activation (`registerAfterActivation`), once they ran. */
  deferredMs?: number;
  readonly library: NoteLibrary;
  readonly snippets: SnippetLibrary;
  readonly reader: Reader;
  readonly tree: TopicsTreeProvider;
  readonly progress: ProgressStore;
  readonly practice: Practice;
  readonly userNotes: UserNoteCommands;
}

/**
 * Wires the features together. Nothing is read from disk here, and each feature is made
 * the first time it is needed. Activation registers only what must exist the moment it
 * ends: the commands (a command may be what activated us, and runs next). The tree view
 * and what only answers later events are registered on the event loop's next turn.
 */
export function registerFeatures(context: vscode.ExtensionContext, logger: Logger): InterviewNotesApi {
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  /** A feature made (and its module loaded) the first time it is needed, not at activation. */
  const onFirstUse = <T extends vscode.Disposable>(create: () => T): (() => T) => {
    let feature: T | undefined;
    return () => (feature ??= own(create()));
  };
  // Later sources win: a user's note replaces the bundled note with the same id.
  const library = onFirstUse(() => {
    const notes = new NoteLibrary(() => allNoteSources(context.extensionUri), logger, {
      maxNoteBytes: () => maxNoteBytes(vscode.workspace.getConfiguration().get<unknown>(maxNoteSizeSetting)),
      onMissingFolder: (source) => void showWarning(vscode.l10n.t('The notes folder {0} does not exist: check the setting {1}.', describeUri(source.root), notesFoldersSetting)),
    });
    own(notes.onDidFindProblems((problems) => {
      const [first] = problems;
      const file = first.uri.toString(true);
      const message = first.line === undefined ? vscode.l10n.t('Note {0}: {1}', file, first.message) : vscode.l10n.t('Note {0}, line {1}: {2}', file, first.line + 1, first.message);
      const more = problems.length > 1 ? ` ${vscode.l10n.t('({0} more problems: see the Interview Notes output)', problems.length - 1)}` : '';
      void showWarning(`${message}${more}`);
    }));
    return notes;
  });
  const snippets = onFirstUse(() => new SnippetLibrary(() => [vscode.Uri.joinPath(context.extensionUri, 'snippets'), ...userSnippetFolders()], logger, (problems) => {
    const [first] = problems;
    const more = problems.length > 1 ? ` ${vscode.l10n.t('({0} more problems: see the Interview Notes output)', problems.length - 1)}` : '';
    void showWarning(`${vscode.l10n.t('Snippet file {0}, line {1}: {2}', first.file, first.line + 1, first.message)}${more}`);
  }));
  const editors = onFirstUse(() => new EditorTracker());
  const progress = onFirstUse(() => new ProgressStore(context.globalState, logger));
  const reader = onFirstUse(() =>
    new (readerModule().Reader)({
      extensionUri: context.extensionUri,
      library: library(),
      editors: editors(),
      logger,
      questionStates: progress(),
      insertSnippet: async (snippetId) => {
        const snippet = await snippets().byId(snippetId);
        return snippet ? editors().insertSnippet(new vscode.SnippetString(snippet.body)) : false;
      },
    }),
  );
  const tree = onFirstUse(() => new TopicsTreeProvider(library(), progress()));
  const practice = onFirstUse(() => new (practiceModule().Practice)({ extensionUri: context.extensionUri, library: library(), store: progress(), logger, openLink: (href) => reader().openLink(href) }));
  for (const id of practiceCommands) {
    own(vscode.commands.registerCommand(id, (argument?: never) => practiceModule().Practice.commands[id](practice(), argument)));
  }

  // The workbench waits two seconds after activating us for the view before it says no provider is registered.
  const treeView = onFirstUse(() => vscode.window.createTreeView(topicsViewId, { treeDataProvider: tree(), showCollapseAll: true }));
  own(new TreeCommands(tree, treeView, library, reader));
  const userNotes = onFirstUse(() => new (userNotesModule().UserNoteCommands)(library(), reader()));
  for (const id of userNoteCommands) {
    own(vscode.commands.registerCommand(id, (argument?: never) => userNotesModule().UserNoteCommands.commands[id](userNotes(), argument)));
  }
  own(vscode.commands.registerCommand(openNoteCommand, (noteId: unknown, sectionId: unknown, sourceId: unknown) => {
    if (typeof noteId !== 'string') {
      return vscode.commands.executeCommand(searchCommand);
    }
    return reader().show({ noteId, sectionId: typeof sectionId === 'string' ? sectionId : undefined, sourceId: typeof sourceId === 'string' ? sourceId : undefined });
  }));
  const searchDependencies = {
    get library() {
      return library();
    },
    get reader() {
      return reader();
    },
    get snippets() {
      return snippets();
    },
    state: context.globalState,
    insertSnippet: (snippet: { body: string }) => editors().insertSnippet(new vscode.SnippetString(snippet.body)),
  };
  own(vscode.commands.registerCommand(searchCommand, (query: unknown) => searchPickerModule().showSearchPicker(searchDependencies, { query: typeof query === 'string' ? query : undefined })));
  own(vscode.commands.registerCommand(searchSnippetsCommand, (query: unknown) => searchPickerModule().showSearchPicker(searchDependencies, { query: typeof query === 'string' ? query : undefined, includeSnippets: true })));
  own(vscode.commands.registerCommand(insertSnippetCommand, () => {
    const editor = editors().editor;
    return pickAndInsertSnippet(snippets(), (snippet) => editors().insertSnippet(snippet), editor ? snippetLanguageOf(editor.document) : undefined);
  }));
  const refreshAll = () => {
    library().refresh();
    snippets().refresh();
  };
  own(vscode.commands.registerCommand(refreshCommand, refreshAll));
  const api: InterviewNotesApi = {
    activationMs: 0,
    activationWallMs: 0,
    get library() {
      return library();
    },
    get snippets() {
      return snippets();
    },
    get reader() {
      return reader();
    },
    get tree() {
      return tree();
    },
    get progress() {
      return progress();
    },
    get practice() {
      return practice();
    },
    get userNotes() {
      return userNotes();
    },
  };

  /**
   * Everything below answers later events: the sidebar asking for its tree (VS Code waits
   * for it), a restored reader panel (VS Code keeps it waiting until its serializer is
   * registered), a completion request, an opened file, a changed setting or folder. The
   * bench reports its cost as activation.deferred.ms.
   */
  const registerAfterActivation = () => {
    const started = performance.now();
    treeView();
    // Remembers the editor the user works in from now on, for "Insert at Cursor".
    editors();
    // The reader comes back after a window reload; its module loads only then, or when a note opens.
    own(vscode.window.registerWebviewPanelSerializer(readerViewType, { deserializeWebviewPanel: (panel, state: ReaderState | undefined) => reader().restore(panel, state) }));
    const sectionExcerpt = async (noteId: string, sectionId: string | undefined) => {
      const section = (await library().note(noteId))?.note.sections.find((candidate) => candidate.id === sectionId);
      const text = section?.text.replace(/\s+/g, ' ').trim();
      return text && text.length > 280 ? `${text.slice(0, 280)}…` : text;
    };
    own(vscode.languages.registerCompletionItemProvider(completionSelector, new SnippetCompletionProvider(snippets(), sectionExcerpt)));
    // Hovers, diagnostics and quick fixes for Dockerfiles and nginx files, once one is open.
    const codingAidLanguages = new Set(['dockerfile', 'nginx']);
    const codingAids = onFirstUse(() => new (codingAidsModule().CodingAids)(library()));
    if (vscode.workspace.textDocuments.some((document) => codingAidLanguages.has(document.languageId))) {
      codingAids();
    } else {
      const waiting = own(vscode.workspace.onDidOpenTextDocument((document) => {
        if (codingAidLanguages.has(document.languageId)) {
          waiting.dispose();
          codingAids();
        }
      }));
    }
    own(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(languageSetting) || event.affectsConfiguration(notesFoldersSetting) || event.affectsConfiguration(maxNoteSizeSetting)) {
        library().refresh();
      }
      if (event.affectsConfiguration(snippetFoldersSetting)) {
        snippets().refresh();
      }
    }));
    own(vscode.workspace.onDidChangeWorkspaceFolders(refreshAll));
    own(vscode.workspace.onDidGrantWorkspaceTrust(refreshAll));
    // The status bar's due count needs the notes: read them once the window has settled.
    const startup = setTimeout(() => practice(), 2000);
    own({ dispose: () => clearTimeout(startup) });
    api.deferredMs = performance.now() - started;
  };
  const afterActivation = setTimeout(registerAfterActivation, 0);
  own({ dispose: () => clearTimeout(afterActivation) });
  return api;
}
