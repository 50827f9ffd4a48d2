// Faults in the real extension host: files that cannot be read, are too big, are not text or
// not UTF-8, vanish while on show, arrive a thousand at once, and settings that point nowhere.
// Each gives a problem that names the file, the rest keeps working, and nothing is written.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/core/util/logger';
import { NoteLibrary, type NoteFileProblem } from '../../src/host/noteLibrary';
import { UserFolderNoteSource } from '../../src/host/noteSources';
import { closeAllEditors, extensionApi, waitFor, workspaceFile } from './helpers';

const encoder = new TextEncoder();

function noteText(title: string, body = '## Section {#section}\n\nText.\n'): string {
  return `---\ntitle: ${title}\ntags: [test]\nicon: book\norder: 1\n---\n\n${body}`;
}

/**
 * An in-memory, read-only file system whose listed files may fail to read: a real
 * FileSystemProvider, so the library's reads go through vscode.workspace.fs as always.
 */
class FaultyFileSystem implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  readonly unreadable = new Set<string>();
  readonly reads: string[] = [];
  readonly writes: string[] = [];
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  /** Adds files as another program would, and reports them as created, as a watcher would. */
  add(files: readonly { uri: vscode.Uri; content: Uint8Array }[]): void {
    for (const { uri, content } of files) {
      this.files.set(uri.path, content);
    }
    this.changes.fire(files.map(({ uri }) => ({ type: vscode.FileChangeType.Created, uri })));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) {
      return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.byteLength };
    }
    if ([...this.files.keys()].some((path) => path.startsWith(`${uri.path}/`))) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    this.stat(uri);
    const prefix = `${uri.path}/`;
    return [...this.files.keys()].filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/')).map((path) => [path.slice(prefix.length), vscode.FileType.File]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.reads.push(uri.path);
    if (this.unreadable.has(uri.path)) {
      throw vscode.FileSystemError.NoPermissions(uri);
    }
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file;
  }

  private refuse(uri: vscode.Uri): never {
    this.writes.push(uri.path);
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  createDirectory(uri: vscode.Uri): void {
    this.refuse(uri);
  }

  writeFile(uri: vscode.Uri): void {
    this.refuse(uri);
  }

  delete(uri: vscode.Uri): void {
    this.refuse(uri);
  }

  rename(uri: vscode.Uri): void {
    this.refuse(uri);
  }
}

/** Names, sizes and modification times under a folder: to prove nothing was written. */
async function folderState(folder: vscode.Uri): Promise<string[]> {
  const state: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory) {
      state.push(...(await folderState(uri)));
    } else {
      const stat = await vscode.workspace.fs.stat(uri);
      state.push(`${uri.path} ${stat.size} ${stat.mtime}`);
    }
  }
  return state.sort();
}

describe('faults: notes that cannot be read or are not notes', () => {
  const scheme = 'interview-notes-faulty';
  const fileSystem = new FaultyFileSystem();
  let registration: vscode.Disposable;
  const path = (name: string) => `/notes/${name}`;

  before(() => {
    fileSystem.files.set(path('good.md'), encoder.encode(noteText('Good')));
    fileSystem.files.set(path('no-headings.md'), encoder.encode(noteText('No headings', 'Just a paragraph, and no sections at all.\n')));
    fileSystem.files.set(path('unreadable.md'), encoder.encode(noteText('Unreadable')));
    fileSystem.unreadable.add(path('unreadable.md'));
    // 20 MB, made here rather than committed.
    const huge = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    huge.set(encoder.encode(noteText('Huge')));
    fileSystem.files.set(path('huge.md'), huge);
    fileSystem.files.set(path('binary.md'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    // "Café" in Latin-1: 0xE9 is not UTF-8.
    fileSystem.files.set(path('latin1.md'), new Uint8Array([...encoder.encode(noteText('Caf')).slice(0, 14), 0xe9, ...encoder.encode(noteText('Caf')).slice(14)]));
    fileSystem.files.set(path('bad-yaml.md'), encoder.encode('---\ntitle: [unclosed\ntags: [test]\n---\n\nBody.\n'));
    registration = vscode.workspace.registerFileSystemProvider(scheme, fileSystem, { isReadonly: true });
  });

  after(() => registration.dispose());

  it('loads the good notes and names every bad file with what is wrong with it', async () => {
    const library = new NoteLibrary(() => [new UserFolderNoteSource('faulty', 'Faulty', vscode.Uri.from({ scheme, path: '/notes' }))], silentLogger);
    const reported: (readonly NoteFileProblem[])[] = [];
    const subscription = library.onDidFindProblems((problems) => reported.push(problems));
    try {
      const notes = await library.allNotes();
      assert.deepEqual(notes.map((loaded) => loaded.note.id).sort(), ['good', 'latin1', 'no-headings']);
      assert.deepEqual((await library.note('no-headings'))?.note.sections, []);
      assert.include((await library.note('latin1'))?.note.title, 'Caf\uFFFD', 'the invalid byte shows as a replacement character');

      const problems = await library.problems();
      const problemOf = (name: string) => problems.filter((problem) => problem.uri.path === path(name)).map((problem) => problem.message).join('; ');
      assert.match(problemOf('unreadable.md'), /^cannot be read: /);
      assert.match(problemOf('huge.md'), /skipped: the file is larger than/);
      assert.match(problemOf('binary.md'), /skipped: not a text file/);
      assert.match(problemOf('latin1.md'), /not UTF-8/);
      assert.match(problemOf('bad-yaml.md'), /invalid YAML in front matter/);
      assert.equal(problemOf('good.md'), '');
      assert.equal(problemOf('no-headings.md'), '');
      assert.equal(problems.find((problem) => problem.uri.path === path('bad-yaml.md'))?.line, 2, 'the zero-based line where the YAML breaks');

      assert.lengthOf(reported, 1, 'the user is told once, with every problem');
      assert.lengthOf(reported[0], problems.length);
      assert.notInclude(fileSystem.reads, path('huge.md'), 'a file over the size limit is not even read');
      assert.deepEqual(fileSystem.writes, [], 'nothing is written');

      // Search still works over what loaded.
      assert.equal((await library.searchIndex()).search('paragraph')[0]?.noteId, 'no-headings');
    } finally {
      subscription.dispose();
      library.dispose();
    }
  });
});

describe('faults: a note deleted or renamed while open in the reader', () => {
  afterEach(closeAllEditors);

  async function showUserNote(name: string, title: string): Promise<vscode.Uri> {
    const { library, reader } = await extensionApi();
    await library.allNotes(); // the library watches its folders from its first read
    const uri = workspaceFile(`.interview-notes/${name}.md`);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(noteText(title)));
    await waitFor(`the note ${name}`, async () => (await library.note(name))?.note.title === title);
    assert.isTrue(await reader.show({ noteId: name }));
    assert.include(reader.html, title);
    return uri;
  }

  it('says the note is gone when its file is deleted, and the library drops it', async () => {
    const { library, reader } = await extensionApi();
    const uri = await showUserNote('doomed', 'Doomed note');
    await vscode.workspace.fs.delete(uri);
    await waitFor('the reader to say the note is gone', () => reader.html.includes('was deleted or renamed'));
    assert.include(reader.html, 'doomed.md', 'the message names the file');
    assert.notInclude(reader.html, 'Doomed note');
    assert.isTrue(reader.isOpen);
    assert.isUndefined(await library.note('doomed'));
    // The reader still works: another note opens in the same panel.
    assert.isTrue(await reader.show({ noteId: 'docker' }));
    assert.match(reader.html, /<h2 id="dockerfile"/);
  });

  it('says the note is gone when its file is renamed, and the library has it under its new name', async () => {
    const { library, reader } = await extensionApi();
    const uri = await showUserNote('before-rename', 'Renamed note');
    await vscode.workspace.fs.rename(uri, workspaceFile('.interview-notes/after-rename.md'));
    await waitFor('the reader to say the note is gone', () => reader.html.includes('was deleted or renamed'));
    assert.include(reader.html, 'before-rename.md');
    assert.isUndefined(await library.note('before-rename'));
    await waitFor('the renamed note', async () => (await library.note('after-rename'))?.note.title === 'Renamed note');
    await vscode.workspace.fs.delete(workspaceFile('.interview-notes/after-rename.md'));
  });
});

describe('faults: a burst of file changes', () => {
  it('coalesces a burst of 1,000 file changes into one refresh, and makes no late one', async function () {
    this.timeout(120_000);
    // In memory, so the changes come as one burst: ten batches, one timer turn apart.
    const scheme = 'interview-notes-burst';
    const fileSystem = new FaultyFileSystem();
    fileSystem.files.set('/burst/first.md', encoder.encode(noteText('First')));
    const registration = vscode.workspace.registerFileSystemProvider(scheme, fileSystem);
    const folder = vscode.Uri.from({ scheme, path: '/burst' });
    // Each update logs how many changed files it took in.
    const applied: string[] = [];
    const logger = {
      ...silentLogger,
      info: (message: string) => {
        if (/^applied \d+ file change/.test(message)) {
          applied.push(message);
        }
      },
    };
    const library = new NoteLibrary(() => [new UserFolderNoteSource('burst', 'Burst', folder)], logger);
    // A watcher of our own counts the creations reported, to say where each refresh came in the burst.
    let created = 0;
    const probe = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*.md'));
    probe.onDidCreate(() => created++);
    const createdAtRefresh: number[] = [];
    const subscription = library.onDidChange(() => createdAtRefresh.push(created));
    try {
      assert.lengthOf(await library.allNotes(), 1);
      // In batches, as a file watcher reports them.
      for (let batch = 0; batch < 10; batch++) {
        fileSystem.add(Array.from({ length: 100 }, (_, i) => ({ uri: vscode.Uri.joinPath(folder, `note-${batch * 100 + i}.md`), content: encoder.encode(noteText(`Note ${batch * 100 + i}`)) })));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await waitFor('all 1,001 notes', async () => (await library.allNotes()).length === 1001, 60_000);
      assert.deepEqual(createdAtRefresh, [1000], 'one refresh, after the last of the 1,000 creations was reported');
      assert.deepEqual(applied, ['applied 1000 file change(s)'], 'the refresh took in the whole burst');
      // The sentinel: one more file, reported after every file of the burst. A late refresh for the
      // burst would come before the sentinel's own, or take burst files into it.
      fileSystem.add([{ uri: vscode.Uri.joinPath(folder, 'sentinel.md'), content: encoder.encode(noteText('Sentinel')) }]);
      await waitFor("the sentinel's refresh", async () => createdAtRefresh.length >= 2 && (await library.note('sentinel'))?.note.title === 'Sentinel', 60_000);
      assert.deepEqual(createdAtRefresh, [1000, 1001], 'no late refresh for the burst: the next is the sentinel\'s');
      assert.deepEqual(applied, ['applied 1000 file change(s)', 'applied 1 file change(s)'], "the sentinel's refresh took in the sentinel alone");
      assert.equal((await library.note('note-999'))?.note.title, 'Note 999');
      assert.deepEqual(fileSystem.writes, []);
    } finally {
      probe.dispose();
      subscription.dispose();
      library.dispose();
      registration.dispose();
    }
  });
});

describe('faults: snippet files and folders', () => {
  const snippetsFolder = () => workspaceFile('.interview-notes/snippets');

  afterEach(async () => {
    await vscode.workspace.getConfiguration().update('interviewNotes.snippetFolders', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(snippetsFolder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    (await extensionApi()).snippets.refresh();
  });

  it('loads a JSONC snippet file, names the broken one with its line, and keeps the rest', async () => {
    const { snippets } = await extensionApi();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(snippetsFolder(), 'mine.code-snippets'), encoder.encode(
      '// My snippets\n{\n  /* comments and trailing commas, as VS Code allows */\n  "Hello": {\n    "scope": "python",\n    "prefix": ["hello-mine",],\n    "body": ["print(\\"hello\\")",],\n  },\n}\n',
    ));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(snippetsFolder(), 'broken.code-snippets'), encoder.encode('{\n  "Bad": {\n    "scope": "python"\n    "prefix": "bad"\n  }\n}\n'));
    const before = await folderState(snippetsFolder());
    snippets.refresh();
    const all = await snippets.all();
    assert.ok(all.some((snippet) => snippet.prefixes.includes('hello-mine')), 'the JSONC file loads');
    assert.ok(all.some((snippet) => snippet.prefixes.includes('entrypoint-exec')), 'the bundled snippets still load');
    assert.notOk(all.some((snippet) => snippet.prefixes.includes('bad')));
    const problems = await snippets.problems();
    assert.lengthOf(problems, 1);
    assert.match(problems[0].file, /broken\.code-snippets$/);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].message, /comma expected/);
    assert.deepEqual(await folderState(snippetsFolder()), before, 'nothing is written');
  });

  it('names a snippet folder from the setting that does not exist, and keeps the bundled snippets', async () => {
    const { snippets } = await extensionApi();
    const missing = workspaceFile('no-such-snippet-folder');
    await vscode.workspace.getConfiguration().update('interviewNotes.snippetFolders', [missing.path], vscode.ConfigurationTarget.Global);
    await waitFor('the setting', () => vscode.workspace.getConfiguration().get<string[]>('interviewNotes.snippetFolders')?.length === 1);
    snippets.refresh();
    assert.ok((await snippets.all()).some((snippet) => snippet.prefixes.includes('entrypoint-exec')));
    const problems = await snippets.problems();
    assert.lengthOf(problems, 1);
    assert.include(problems[0].file, 'no-such-snippet-folder');
    assert.match(problems[0].message, /interviewNotes\.snippetFolders/);
  });
});
