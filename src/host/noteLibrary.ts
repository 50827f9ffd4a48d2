import * as vscode from 'vscode';
import type { Note, NoteLanguage, NoteProblem } from '../core/notes/note';
import type { NoteSearchIndex } from '../core/search/searchIndex';
import { noteParserModule, searchIndexModule } from './lazyModules';
import type { Logger } from '../core/util/logger';
import { Disposable } from './disposable';
import { preferredNoteLanguage } from './noteLanguage';
import type { NoteFile, NoteSource } from './noteSources';

export interface LoadedNote {
  readonly note: Note;
  readonly file: NoteFile;
  readonly source: NoteSource;
}

export interface NoteFileProblem extends NoteProblem {
  readonly uri: vscode.Uri;
}

interface Snapshot {
  /** `lang:id` to the note; a later source replaces an earlier one's note of the same id. */
  readonly notes: Map<string, LoadedNote>;
  readonly problems: NoteFileProblem[];
  /** The sidebar's sorted topics per language, kept until a note changes. */
  readonly topics: Map<NoteLanguage, LoadedNote[]>;
}

export const maxNoteBytes = 2 * 1024 * 1024;

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
 * read until a view, command or provider first asks.
 */
export class NoteLibrary extends Disposable {
  private snapshot: Promise<Snapshot> | undefined;
  private index: Promise<NoteSearchIndex> | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly problemsEmitter = this.register(new vscode.EventEmitter<readonly NoteFileProblem[]>());
  /** Problems found by a read, so the user can be told which file is wrong and why. */
  readonly onDidFindProblems = this.problemsEmitter.event;

  private readonly pendingChanges = new Map<string, vscode.Uri>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sources: readonly NoteSource[],
    private readonly logger: Logger,
    /** How long to wait for more file changes before applying them together. */
    private readonly coalesceMs = 150,
  ) {
    super();
    this.register({ dispose: () => clearTimeout(this.changeTimer) });
  }

  private watching = false;

  /** Watches the sources from the first read on: nothing to keep up to date before that. */
  private watchSources(): void {
    if (this.watching) {
      return;
    }
    this.watching = true;
    for (const source of this.sources) {
      const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(source.root, '**/*.md')));
      const queue = (uri: vscode.Uri) => this.queueChange(uri);
      this.register(watcher.onDidChange(queue));
      this.register(watcher.onDidCreate(queue));
      this.register(watcher.onDidDelete(queue));
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
    this.changeTimer = setTimeout(() => void this.applyChanges(), this.coalesceMs);
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
        await this.applyFileChanges(this.snapshot, uris, newProblems);
      }
      this.pendingChanges.clear(); // nothing read yet: the next request reads everything
    } finally {
      this.applying = false;
    }
    this.logger.info(`applied ${count} file change(s)`);
    this.reportProblems(newProblems);
    this.changeEmitter.fire();
  }

  private async applyFileChanges(snapshotRead: Promise<Snapshot>, uris: readonly vscode.Uri[], newProblems: NoteFileProblem[]): Promise<void> {
    const snapshot = await snapshotRead;
    const index = this.index ? await this.index : undefined;
    const changed = uris.flatMap((uri) => {
      const source = this.sources.find((candidate) => candidate.fileFor(uri));
      const file = source?.fileFor(uri);
      return source && file ? [{ source, file }] : [];
    });
    // In parallel, as the first read does: a thousand changes read in turn took a thousand round trips.
    const results = await Promise.all(changed.map(({ file, source }) => this.readNote(file, source)));
    const changedUris = new Set(changed.map(({ file }) => file.uri.toString()));
    const kept = snapshot.problems.filter((problem) => !changedUris.has(problem.uri.toString()));
    snapshot.problems.splice(0, snapshot.problems.length, ...kept);
    changed.forEach(({ file }, position) => {
      const result = results[position];
      const found = result.problems.length > 0 && !result.missing ? result.problems : [];
      snapshot.problems.push(...found);
      newProblems.push(...found);
      const key = `${file.language}:${file.noteId}`;
      index?.removeNote(file.noteId, file.language);
      if (result.loaded) {
        snapshot.notes.set(key, result.loaded);
        index?.addNote(result.loaded.note);
      } else {
        snapshot.notes.delete(key);
      }
    });
    snapshot.topics.clear();
  }

  /** Drops everything read so far; the next request reads the sources again. */
  refresh(): void {
    this.snapshot = undefined;
    this.index = undefined;
    this.changeEmitter.fire();
  }

  /** One note per topic, in the given language where it exists, sorted for the sidebar. */
  async topics(language: NoteLanguage = preferredNoteLanguage()): Promise<LoadedNote[]> {
    const snapshot = await this.load();
    let topics = snapshot.topics.get(language);
    if (!topics) {
      const byId = new Map<string, LoadedNote>();
      for (const loaded of snapshot.notes.values()) {
        const existing = byId.get(loaded.note.id);
        if (!existing || (existing.note.language !== language && loaded.note.language === language)) {
          byId.set(loaded.note.id, loaded);
        }
      }
      topics = [...byId.values()].sort((a, b) => a.note.order - b.note.order || a.note.title.localeCompare(b.note.title));
      snapshot.topics.set(language, topics);
    }
    return [...topics];
  }

  /** The note in the given language, or in the other one when it has no translation. */
  async note(noteId: string, language: NoteLanguage = preferredNoteLanguage()): Promise<LoadedNote | undefined> {
    const { notes } = await this.load();
    return notes.get(`${language}:${noteId}`) ?? [...notes.values()].find((loaded) => loaded.note.id === noteId);
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
      const index = new (searchIndexModule().NoteSearchIndex)();
      // Thousands of notes take a second or more to index: pause now and then.
      const slicer = new TimeSlicer();
      for (const loaded of [...notes.values()]) {
        index.addNote(loaded.note);
        await slicer.pauseIfDue();
      }
      this.logger.info(`search index: ${index.sectionCount} sections in ${Date.now() - started} ms`);
      return index;
    });
    return this.index;
  }

  private load(): Promise<Snapshot> {
    this.watchSources();
    this.snapshot ??= this.readSources();
    return this.snapshot;
  }

  private async readSources(): Promise<Snapshot> {
    const started = Date.now();
    const notes = new Map<string, LoadedNote>();
    const problems: NoteFileProblem[] = [];
    const slicer = new TimeSlicer();
    for (const source of this.sources) {
      const files = await source.listNotes();
      // A few files at a time, parsed between pauses: ten thousand notes parsed in one go
      // would hold the extension host for seconds.
      for (let start = 0; start < files.length; start += readBatchSize) {
        const results = await Promise.all(files.slice(start, start + readBatchSize).map((file) => this.readNote(file, source)));
        for (const result of results) {
          problems.push(...result.problems);
          if (result.loaded) {
            notes.set(`${result.loaded.note.language}:${result.loaded.note.id}`, result.loaded);
          }
        }
        await slicer.pauseIfDue();
      }
    }
    this.logger.info(`loaded ${notes.size} notes in ${Date.now() - started} ms`);
    this.reportProblems(problems);
    return { notes, problems, topics: new Map() };
  }

  private reportProblems(problems: readonly NoteFileProblem[]): void {
    for (const problem of problems) {
      this.logger.warn(`${problem.uri.toString(true)}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`);
    }
    if (problems.length > 0) {
      this.problemsEmitter.fire(problems);
    }
  }

  private async readNote(file: NoteFile, source: NoteSource): Promise<{ loaded?: LoadedNote; problems: NoteFileProblem[]; missing?: boolean }> {
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(file.uri);
      if (stat.size > maxNoteBytes) {
        return { problems: [{ uri: file.uri, message: vscode.l10n.t('skipped: the file is larger than {0} MB', maxNoteBytes / 1024 / 1024) }] };
      }
      bytes = await vscode.workspace.fs.readFile(file.uri);
    } catch (error) {
      const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
      return { missing, problems: [{ uri: file.uri, message: vscode.l10n.t('cannot be read: {0}', error instanceof Error ? error.message : String(error)) }] };
    }
    if (bytes.includes(0)) {
      return { problems: [{ uri: file.uri, message: vscode.l10n.t('skipped: not a text file') }] };
    }
    const { text, problems: decodingProblems } = decodeNote(bytes, file.uri);
    const parsed = noteParserModule().parseNote(text, { expectedId: file.noteId, language: file.language, requireVerified: source.isBundled });
    const problems = [...decodingProblems, ...parsed.problems.map((problem) => ({ ...problem, uri: file.uri }))];
    return { loaded: parsed.note ? { note: parsed.note, file, source } : undefined, problems };
  }
}

/** Notes are UTF-8. Other bytes are shown as replacement characters, and the user is told. */
function decodeNote(bytes: Uint8Array, uri: vscode.Uri): { text: string; problems: NoteFileProblem[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problems: [] };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), problems: [{ uri, message: vscode.l10n.t('contains bytes that are not UTF-8: they are shown as �') }] };
  }
}
