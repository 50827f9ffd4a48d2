import * as vscode from 'vscode';
import { maxSnippetFileBytes, parseSnippetFile, type Snippet, type SnippetProblem } from '../core/snippets/snippet';
import type { Logger } from '../core/util/logger';
import { Disposable } from './disposable';
import { type SnippetFolder } from './snippetFolders';
import { settings } from './settings';

/** The snippets from `snippets/*.json`, read once on first use and kept in memory. */
export class SnippetLibrary extends Disposable {
  private loaded: Promise<{ snippets: Snippet[]; problems: SnippetProblem[] }> | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;

  /**
   * @param folders the bundled folder first, then the user's; asked each time the library
   * is (re)read, so a changed setting takes effect on refresh.
   */
  constructor(
    private readonly folders: () => readonly (vscode.Uri | SnippetFolder)[],
    private readonly logger: Logger,
    private readonly onProblems?: (problems: readonly SnippetProblem[]) => void,
  ) {
    super();
  }

  private readonly watched = new Set<string>();

  /** Reloads when a snippet file in a folder read so far changes. */
  private watch(folder: vscode.Uri): void {
    if (this.watched.has(folder.toString())) {
      return;
    }
    this.watched.add(folder.toString());
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*.{json,code-snippets}')));
    const reload = () => this.refresh();
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidCreate(reload));
    this.register(watcher.onDidDelete(reload));
  }

  refresh(): void {
    this.loaded = undefined;
    this.changeEmitter.fire();
  }

  async all(): Promise<readonly Snippet[]> {
    return (await this.load()).snippets;
  }

  async problems(): Promise<readonly SnippetProblem[]> {
    return (await this.load()).problems;
  }

  async byId(id: string): Promise<Snippet | undefined> {
    return (await this.all()).find((snippet) => snippet.id === id);
  }

  async forLanguage(languageId: string): Promise<Snippet[]> {
    return (await this.all()).filter((snippet) => snippet.languages.includes(languageId));
  }

  /** Starts reading now, so the first completion request does not wait for the disk. */
  warmUp(): void {
    void this.load();
  }

  private load(): Promise<{ snippets: Snippet[]; problems: SnippetProblem[] }> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  private async read(): Promise<{ snippets: Snippet[]; problems: SnippetProblem[] }> {
    const snippets: Snippet[] = [];
    const problems: SnippetProblem[] = [];
    const folders = this.folders().map((folder) => (folder instanceof vscode.Uri ? { uri: folder, fromSetting: false } : folder));
    folders.slice(1).forEach(({ uri }) => this.watch(uri));
    for (const { uri: folder, fromSetting } of folders) {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(folder);
      } catch (error) {
        // The default folders are optional; a folder the user named in the setting is not.
        if (fromSetting) {
          const reason = error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? vscode.l10n.t('the folder does not exist') : error instanceof Error ? error.message : String(error);
          problems.push({ file: folder.toString(true), line: 0, message: vscode.l10n.t('{0} (from the setting {1})', reason, settings.snippetFolders) });
        }
        continue;
      }
      for (const [name, type] of entries) {
        if (type !== vscode.FileType.File || !/\.(json|code-snippets)$/.test(name)) {
          continue;
        }
        const uri = vscode.Uri.joinPath(folder, name);
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.size > maxSnippetFileBytes) {
            problems.push({ file: uri.toString(true), line: 0, message: vscode.l10n.t('the file is larger than {0} MB, so it was not read', maxSnippetFileBytes / 1024 / 1024) });
            continue;
          }
          const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
          const language = name.endsWith('.json') ? name.slice(0, -'.json'.length) : undefined;
          const parsed = parseSnippetFile(text, uri.toString(true), language);
          snippets.push(...parsed.snippets);
          problems.push(...parsed.problems);
        } catch (error) {
          problems.push({ file: uri.toString(true), line: 0, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    for (const problem of problems) {
      this.logger.warn(`${problem.file}:${problem.line + 1}: ${problem.message}`);
    }
    if (problems.length > 0) {
      this.onProblems?.(problems);
    }
    this.logger.info(`loaded ${snippets.length} snippets`);
    return { snippets, problems };
  }
}
