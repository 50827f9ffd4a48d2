import * as vscode from 'vscode';
import { maxNoteBytes } from '../core/notes/noteLimits';
import type { Logger } from '../core/util/logger';
import { Disposable } from './disposable';
import { EditorTracker } from './editorTracker';
import { NoteLibrary } from './noteLibrary';
import { allNoteSources } from './noteSources';
import { showWarning } from './notify';
import { ProgressStore } from './practiceProgress';
import { Reader } from './reader';
import { ReviewLogStore } from './reviewLogStore';
import { settings } from './settings';
import { userSnippetFolders } from './snippetFolders';
import { SnippetLibrary } from './snippetLibrary';
import { describeUri } from './uris';

/**
 * What the features share: the notes, the snippets, practice progress, the editor the user
 * works in, and the reader. Making them reads nothing: each reads its files the first time a
 * view, command or provider asks.
 */
export class ExtensionServices extends Disposable {
  readonly library: NoteLibrary;
  readonly snippets: SnippetLibrary;
  readonly progress: ProgressStore;
  /** Every grade ever given (practice, mock interviews, chat), as JSONL segments under globalStorageUri; Settings Sync carries only `progress`. */
  readonly reviewLog: ReviewLogStore;
  readonly editors: EditorTracker;
  readonly reader: Reader;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly logger: Logger,
  ) {
    super();
    // Later sources win: a user's note replaces the bundled note with the same id.
    this.library = this.register(
      new NoteLibrary(() => allNoteSources(context.extensionUri), logger, {
        maxNoteBytes: () => maxNoteBytes(vscode.workspace.getConfiguration().get<unknown>(settings.maxNoteSizeMB)),
        onMissingFolder: (source) => void showWarning(vscode.l10n.t('The notes folder {0} does not exist: check the setting {1}.', describeUri(source.root), settings.notesFolders)),
      }),
    );
    this.register(this.library.onDidFindProblems((problems) => {
      const [first] = problems;
      const file = first.uri.toString(true);
      const message = first.line === undefined ? vscode.l10n.t('Note {0}: {1}', file, first.message) : vscode.l10n.t('Note {0}, line {1}: {2}', file, first.line + 1, first.message);
      void showWarning(`${message}${moreProblems(problems.length)}`);
    }));
    this.snippets = this.register(
      new SnippetLibrary(() => [vscode.Uri.joinPath(context.extensionUri, 'snippets'), ...userSnippetFolders()], logger, (problems) => {
        const [first] = problems;
        void showWarning(`${vscode.l10n.t('Snippet file {0}, line {1}: {2}', first.file, first.line + 1, first.message)}${moreProblems(problems.length)}`);
      }),
    );
    this.reviewLog = this.register(new ReviewLogStore(context.globalStorageUri, logger));
    this.progress = this.register(new ProgressStore(context.globalState, logger, undefined, this.reviewLog));
    // Remembers the editor the user works in, for "Insert at Cursor".
    this.editors = this.register(new EditorTracker());
    this.reader = this.register(
      new Reader({
        extensionUri: context.extensionUri,
        library: this.library,
        editors: this.editors,
        logger,
        questionStates: this.progress,
        insertSnippet: (snippetId) => this.insertSnippet(snippetId),
      }),
    );
  }

  /** Inserts a snippet of the library at the cursor of the editor the user works in. */
  async insertSnippet(snippetId: string): Promise<boolean> {
    const snippet = await this.snippets.byId(snippetId);
    return snippet ? this.editors.insertSnippet(new vscode.SnippetString(snippet.body)) : false;
  }
}

function moreProblems(count: number): string {
  return count > 1 ? ` ${vscode.l10n.t('({0} more problems: see the Interview Notes output)', count - 1)}` : '';
}
