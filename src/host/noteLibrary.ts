import * as vscode from 'vscode';
import type { Note, NoteLanguage, NoteProblem } from '../core/notes/note';
import type { NoteSearchIndex } from '../core/search/searchIndex';
import { textEngine } from './textEngine';
import { noteKey, oneNotePerTopic, sortTopics, winnerOf } from '../core/notes/noteSnapshot';
import type { Logger } from '../core/util/logger';
import { Disposable } from './disposable';
import { exists } from './uris';
import { preferredNoteLanguage } from './noteLanguage';
import type { NoteFile, NoteSource } from './noteSources';

export interface LoadedNote {
  readonly note: Note;
  readonly file: NoteFile;
  readonly source: NoteSource;
}

export interface NoteFileProblem extends NoteProblem {
  readonly uri: vscode.Uri;
  /** The source the file belongs to. */
  readonly sourceId: string;
}

/** One source's topics, for the sidebar's groups. */
export interface NoteSourceGroup {
  readonly source: NoteSource;
  /** One note per topic; `shadowed` when a later source's note of the same id is shown instead. */
  readonly topics: readonly { readonly loaded: LoadedNote; readonly shadowed: boolean }[];
  readonly problems: readonly NoteFileProblem[];
}

interface Snapshot {
  readonly sources: readonly NoteSource[];
  /** Per source id: `lang:id` to that source's note. */
  readonly bySource: Map<string, Map<string, LoadedNote>>;
  /** `lang:id` to the note shown: a later source's note replaces an earlier one's. */
  readonly notes: Map<string, LoadedNote>;
  readonly problems: NoteFileProblem[];
  /** Folders named in a setting that do not exist. */
  readonly missingFolders: vscode.Uri[];
  /** The sidebar's sorted topics and groups per language, kept until a note changes. */
  readonly topics: Map<NoteLanguage, LoadedNote[]>;
  readonly groups: Map<NoteLanguage, NoteSourceGroup[]>;
}

export const defaultMaxNoteBytes = 2 * 1024 * 1024;

export interface NoteLibraryOptions {
  /** The size above which a file is skipped; read at each load. */
  readonly maxNoteBytes?: () => number;
  /** Told once per folder when a user's folder does not exist. */
  readonly onMissingFolder?: (source: NoteSource) => void;
  /** How long to wait for more file changes before applying them together. */
  readonly coalesceMs?: number;
}

/** Long work of the library, with the promise that settles when it is done. */
export interface LibraryWork {
  readonly kind: 'reading' | 'indexing' | 'updating';
  readonly done: Promise<unknown>;
}

/** From this many changed files on, applying them shows progress. */
const manyChanges = 50;

/** How many note files are read at once. */
const readBatchSize = 200;

/**
 * Long jobs (reading and indexing thousands of notes) give the extension host back every
 * few milliseconds, so other extensions and the UI never wait on us.
 */
class TimeSlicer {
  private sliceStarted = Date.now();

  constructor(private readonly sliceMs = 15) {}

  async pauseIfDue(): Promise<void> {
    if (Date.now() - this.sliceStarted > this.sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.sliceStarted = Date.now();
    }
  }
}

/**
 * Every note from every source, parsed once and kept until a source changes. Nothing is
 * read until a view, command or provider first asks. The sources come from a function,
 * so the list follows settings and workspace folders (`refresh()` asks it again).
 */
export class NoteLibrary extends Disposable {
  private snapshot: Promise<Snapshot> | undefined;
  private index: Promise<NoteSearchIndex> | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly problemsEmitter = this.register(new vscode.EventEmitter<readonly NoteFileProblem[]>());
  /** Problems found by a read, so the user can be told which file is wrong and why. */
  readonly onDidFindProblems = this.problemsEmitter.event;
  private readonly workEmitter = this.register(new vscode.EventEmitter<LibraryWork>());
  /** Long work starting (reading every note, building the index, applying many changes), to show progress. */
  readonly onDidStartWork = this.workEmitter.event;

  private readonly pendingChanges = new Map<string, vscode.Uri>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private watchers: vscode.Disposable[] = [];
  private watchedRoots = '';
  private readonly reportedMissing = new Set<string>();
  private readonly coalesceMs: number;

  constructor(
    private readonly listSources: () => readonly NoteSource[],
    private readonly logger: Logger,
    private readonly options: NoteLibraryOptions = {},
  ) {
    super();
    this.coalesceMs = options.coalesceMs ?? 150;
    this.register({ dispose: () => clearTimeout(this.changeTimer) });
    this.register({ dispose: () => this.watchers.splice(0).forEach((watcher) => watcher.dispose()) });
  }

  /** Watches the sources of the current snapshot, from the first read on. */
  private watchSources(sources: readonly NoteSource[]): void {
    const roots = sources.map((source) => source.root.toString()).join('\n');
    if (roots === this.watchedRoots || this.isDisposed) {
      return;
    }
    this.watchedRoots = roots;
    this.watchers.splice(0).forEach((watcher) => watcher.dispose());
    const queue = (uri: vscode.Uri) => this.queueChange(uri);
    for (const source of sources) {
      // Everything under the root: a deleted folder is reported as the folder alone.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(source.root, '**/*'));
      this.watchers.push(watcher, watcher.onDidChange(queue), watcher.onDidCreate(queue), watcher.onDidDelete(queue));
      if (!source.isBundled) {
        // The root itself appearing or going away (a new `.interview-notes/`, a deleted folder).
        const name = source.root.path.split('/').filter(Boolean).pop() ?? '';
        const rootWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(source.root, '..'), name), false, true, false);
        this.watchers.push(rootWatcher, rootWatcher.onDidCreate(queue), rootWatcher.onDidDelete(queue));
      }
    }
  }

  private applying = false;

  /** Many changes in a burst (a git checkout, a copied folder) become one update. */
  private queueChange(uri: vscode.Uri): void {
    this.pendingChanges.set(uri.toString(), uri);
    if (this.applying) {
      return; // the update in progress takes it in before it reports
    }
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      const count = this.pendingChanges.size;
      const applying = this.applyChanges();
      if (count >= manyChanges) {
        this.workEmitter.fire({ kind: 'updating', done: applying });
      }
    }, this.coalesceMs);
  }

  /** Re-reads the changed files only, updates the search index note by note, and reports once. */
  private async applyChanges(): Promise<void> {
    this.applying = true;
    const newProblems: NoteFileProblem[] = [];
    let count = 0;
    try {
      // Changes that arrive while files are read join this update rather than start another.
      while (this.pendingChanges.size > 0 && this.snapshot) {
        const uris = [...this.pendingChanges.values()];
        this.pendingChanges.clear();
        count += uris.length;
        if (!(await this.applyFileChanges(this.snapshot, uris, newProblems))) {
          this.refresh(); // a folder came or went: read everything again
          return;
        }
      }
      this.pendingChanges.clear(); // nothing read yet: the next request reads everything
    } finally {
      this.applying = false;
    }
    this.logger.info(`applied ${count} file change(s)`);
    this.reportProblems(newProblems);
    this.changeEmitter.fire();
  }

  /** Applies changes to single note files; false when a folder changed and everything must be read again. */
  private async applyFileChanges(snapshotRead: Promise<Snapshot>, uris: readonly vscode.Uri[], newProblems: NoteFileProblem[]): Promise<boolean> {
    const snapshot = await snapshotRead;
    if (uris.some((uri) => !uri.path.endsWith('.md') && snapshot.sources.some((source) => isAtOrUnder(uri, source.root)))) {
      return false;
    }
    const index = this.index ? await this.index : undefined;
    const changed = uris.flatMap((uri) => {
      const source = snapshot.sources.find((candidate) => candidate.fileFor(uri));
      const file = source?.fileFor(uri);
      return source && file ? [{ uri, source, file }] : [];
    });
    // In parallel, as the first read does: a thousand changes read in turn took a thousand round trips.
    const results = await Promise.all(changed.map(({ file, source }) => this.readNote(file, source)));
    changed.forEach(({ uri, source, file }, position) => {
      const result = results[position];
      const found = result.missing ? [] : result.problems;
      const kept = snapshot.problems.filter((problem) => !sameFile(problem.uri, uri));
      snapshot.problems.splice(0, snapshot.problems.length, ...kept, ...found);
      newProblems.push(...found);
      const key = noteKey(file.language, file.noteId);
      const ofSource = snapshot.bySource.get(source.id);
      const previous = ofSource?.get(key);
      if (result.loaded) {
        ofSource?.set(key, result.loaded);
      } else if (previous && sameFile(previous.file.uri, uri)) {
        ofSource?.delete(key);
      } else {
        return; // another file of this source still holds the note
      }
      const winner = winnerOf(snapshot.sources.map((source) => source.id), snapshot.bySource, key);
      index?.removeNote(file.noteId, file.language);
      if (winner) {
        snapshot.notes.set(key, winner);
        index?.addNote(winner.note);
      } else {
        snapshot.notes.delete(key);
      }
    });
    snapshot.topics.clear();
    snapshot.groups.clear();
    return true;
  }

  /** Drops everything read so far; the next request asks for the sources and reads them again. */
  refresh(): void {
    this.watchedRoots = ''; // a folder that has appeared since gets a watcher of its own
    this.snapshot = undefined;
    this.index = undefined;
    this.changeEmitter.fire();
  }

  /** One note per topic, in the given language where it exists, sorted for the sidebar. */
  async topics(language: NoteLanguage = preferredNoteLanguage()): Promise<LoadedNote[]> {
    const snapshot = await this.load();
    let topics = snapshot.topics.get(language);
    if (!topics) {
      topics = sortTopics(oneNotePerTopic(snapshot.notes.values(), language));
      snapshot.topics.set(language, topics);
    }
    return [...topics];
  }

  /** Each source with its own topics (the ones other sources replace included) and problems. */
  async groups(language: NoteLanguage = preferredNoteLanguage()): Promise<NoteSourceGroup[]> {
    const snapshot = await this.load();
    let groups = snapshot.groups.get(language);
    if (!groups) {
      groups = snapshot.sources.map((source) => {
        const own = sortTopics(oneNotePerTopic(snapshot.bySource.get(source.id)?.values() ?? [], language));
        const shown = (loaded: LoadedNote) => snapshot.notes.get(noteKey(loaded.note.language, loaded.note.id))?.source.id === source.id;
        return {
          source,
          topics: own.map((loaded) => ({ loaded, shadowed: !shown(loaded) })),
          problems: snapshot.problems.filter((problem) => problem.sourceId === source.id),
        };
      });
      snapshot.groups.set(language, groups);
    }
    return groups;
  }

  /**
   * The note in the given language, or in the other one when it has no translation. With
   * a source id, that source's note, even when another source's note replaces it.
   */
  async note(noteId: string, language: NoteLanguage = preferredNoteLanguage(), sourceId?: string): Promise<LoadedNote | undefined> {
    const snapshot = await this.load();
    const notes = sourceId ? snapshot.bySource.get(sourceId) : snapshot.notes;
    if (!notes) {
      return undefined;
    }
    return notes.get(noteKey(language, noteId)) ?? [...notes.values()].find((loaded) => loaded.note.id === noteId);
  }

  /** Every language's file of a note in one source. */
  async filesOf(noteId: string, sourceId: string): Promise<LoadedNote[]> {
    return [...((await this.load()).bySource.get(sourceId)?.values() ?? [])].filter((loaded) => loaded.note.id === noteId);
  }

  async sources(): Promise<readonly NoteSource[]> {
    return (await this.load()).sources;
  }

  /** The folders of the setting that did not exist when the notes were last read. */
  async missingFolders(): Promise<readonly vscode.Uri[]> {
    return (await this.load()).missingFolders;
  }

  async allNotes(): Promise<LoadedNote[]> {
    return [...(await this.load()).notes.values()];
  }

  async problems(): Promise<readonly NoteFileProblem[]> {
    return (await this.load()).problems;
  }

  /** The search index over every note in every language, built on first use. */
  searchIndex(): Promise<NoteSearchIndex> {
    this.index ??= this.load().then(async ({ notes }) => {
      const started = Date.now();
      const index = new (textEngine().NoteSearchIndex)();
      // Thousands of notes take a second or more to index: pause now and then.
      const slicer = new TimeSlicer();
      for (const loaded of [...notes.values()]) {
        index.addNote(loaded.note);
        await slicer.pauseIfDue();
      }
      this.logger.info(`search index: ${index.sectionCount} sections in ${Date.now() - started} ms`);
      return index;
    });
    this.workEmitter.fire({ kind: 'indexing', done: this.index });
    return this.index;
  }

  private load(): Promise<Snapshot> {
    if (!this.snapshot) {
      this.snapshot = this.readSources();
      this.workEmitter.fire({ kind: 'reading', done: this.snapshot });
    }
    return this.snapshot;
  }

  private async readSources(): Promise<Snapshot> {
    const started = Date.now();
    const sources = this.listSources();
    this.watchSources(sources);
    const snapshot: Snapshot = { sources, bySource: new Map(), notes: new Map(), problems: [], missingFolders: [], topics: new Map(), groups: new Map() };
    const slicer = new TimeSlicer();
    for (const source of sources) {
      const ofSource = new Map<string, LoadedNote>();
      snapshot.bySource.set(source.id, ofSource);
      if (source.mustExist && !(await exists(source.root))) {
        snapshot.missingFolders.push(source.root);
        this.reportMissing(source);
        continue;
      }
      const files = await source.listNotes();
      // A few files at a time, parsed between pauses: ten thousand notes parsed in one go
      // would hold the extension host for seconds.
      for (let start = 0; start < files.length; start += readBatchSize) {
        const results = await Promise.all(files.slice(start, start + readBatchSize).map((file) => this.readNote(file, source)));
        for (const result of results) {
          snapshot.problems.push(...result.problems);
          if (result.loaded) {
            const key = noteKey(result.loaded.note.language, result.loaded.note.id);
            ofSource.set(key, result.loaded);
            snapshot.notes.set(key, result.loaded); // later sources come later: they win
          }
        }
        await slicer.pauseIfDue();
      }
    }
    this.logger.info(`loaded ${snapshot.notes.size} notes from ${sources.length} source(s) in ${Date.now() - started} ms`);
    this.reportProblems(snapshot.problems);
    return snapshot;
  }

  private reportProblems(problems: readonly NoteFileProblem[]): void {
    for (const problem of problems) {
      this.logger.warn(`${problem.uri.toString(true)}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`);
    }
    if (problems.length > 0) {
      this.problemsEmitter.fire(problems);
    }
  }

  private reportMissing(source: NoteSource): void {
    const key = source.root.toString();
    this.logger.warn(`notes folder ${source.root.toString(true)} does not exist`);
    if (!this.reportedMissing.has(key)) {
      this.reportedMissing.add(key);
      this.options.onMissingFolder?.(source);
    }
  }

  private async readNote(file: NoteFile, source: NoteSource): Promise<{ loaded?: LoadedNote; problems: NoteFileProblem[]; missing?: boolean }> {
    const problem = (message: string, line?: number): NoteFileProblem => ({ uri: file.uri, sourceId: source.id, message, line });
    const maxBytes = this.options.maxNoteBytes?.() ?? defaultMaxNoteBytes;
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(file.uri);
      // Only regular files: a link to a device (/dev/zero) has no size and would be read forever.
      if ((stat.type & vscode.FileType.File) === 0) {
        return { problems: [problem(vscode.l10n.t('skipped: not a regular file'))] };
      }
      if (stat.size > maxBytes) {
        return { problems: [problem(vscode.l10n.t('skipped: the file is larger than {0} MB', Math.round((maxBytes / 1024 / 1024) * 100) / 100))] };
      }
      bytes = await vscode.workspace.fs.readFile(file.uri);
    } catch (error) {
      const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
      return { missing, problems: [problem(vscode.l10n.t('cannot be read: {0}', error instanceof Error ? error.message : String(error)))] };
    }
    if (bytes.includes(0)) {
      return { problems: [problem(vscode.l10n.t('skipped: not a text file'))] };
    }
    const { text, decodingProblem } = decodeNote(bytes);
    const parsed = textEngine().parseNote(text, { expectedId: file.noteId, language: file.language, requireVerified: source.isBundled });
    const problems = [...(decodingProblem ? [problem(decodingProblem)] : []), ...parsed.problems.map((found) => problem(found.message, found.line))];
    // The file name is the id: a note that says otherwise is only listed with its problem.
    const note = parsed.note?.id === file.noteId ? parsed.note : undefined;
    return { loaded: note ? { note, file, source } : undefined, problems };
  }
}

/** Notes are UTF-8. Other bytes are shown as replacement characters, and the user is told. */
function decodeNote(bytes: Uint8Array): { text: string; decodingProblem?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), decodingProblem: vscode.l10n.t('contains bytes that are not UTF-8: they are shown as �') };
  }
}

/** Watchers and directory listings may spell the same remote URI differently; the path is what counts. */
function sameFile(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.scheme === b.scheme && a.path === b.path;
}

function isAtOrUnder(uri: vscode.Uri, root: vscode.Uri): boolean {
  const rootPath = root.path.replace(/\/$/, '');
  return uri.scheme === root.scheme && uri.authority === root.authority && (uri.path === rootPath || uri.path.startsWith(`${rootPath}/`));
}
