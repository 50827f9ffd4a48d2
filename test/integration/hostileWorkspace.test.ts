// The hostile workspace (test/fixtures/hostile-workspace, issue 15) in the real extension host.
// `[hostile]` tests run when it is trusted, `[untrusted]` ones in Restricted Mode (runSuite.ts).
// Notifications are recorded by wrapping the real `window.show*Message` functions: what the
// user would see is checked for links and icons, and a canary command counts any run.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, waitFor, workspaceFile } from './helpers';

/** VS Code's link syntax in notification messages (linkedText.ts). */
const notificationLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const canaryCommand = 'interviewNotesTest.canary';

interface Recorder {
  readonly messages: string[];
  canaryRuns: number;
  dispose(): void;
}

function recordNotifications(): Recorder {
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  const recorder: Recorder = {
    messages: [],
    canaryRuns: 0,
    dispose: () => {
      for (const [name, original] of originals) {
        window[name] = original;
      }
      canary.dispose();
    },
  };
  for (const name of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage']) {
    const original = window[name];
    originals.set(name, original);
    window[name] = (message: unknown, ...rest: unknown[]) => {
      recorder.messages.push(String(message));
      return original.call(vscode.window, message, ...rest);
    };
  }
  const canary = vscode.commands.registerCommand(canaryCommand, () => recorder.canaryRuns++);
  return recorder;
}

function assertPlain(messages: readonly string[]): void {
  for (const message of messages) {
    assert.notMatch(message, notificationLink, `a notification holds a link: ${message}`);
    assert.notInclude(message, '$(', `a notification holds an icon: ${message}`);
  }
}

const notesFolder = () => workspaceFile('.interview-notes');
const fileName = (uri: vscode.Uri) => uri.path.split('/').pop();

describe('a hostile workspace, trusted [hostile]', function () {
  this.timeout(120_000);
  let recorder: Recorder;

  before(async () => {
    recorder = recordNotifications();
    const api = await extensionApi();
    api.library.refresh();
    api.snippets.refresh();
  });

  afterEach(closeAllEditors);

  after(() => {
    assertPlain(recorder.messages);
    assert.equal(recorder.canaryRuns, 0, 'no canary command ran');
    recorder.dispose();
  });

  it('a command issued while the hostile library loads resolves before the load finishes', async () => {
    const api = await extensionApi();
    api.library.refresh();
    api.snippets.refresh();
    const order: string[] = [];
    const loading = Promise.all([api.library.allNotes(), api.snippets.all()]).then(() => order.push('library'));
    const command = Promise.resolve(vscode.commands.executeCommand('workbench.action.closeAllEditors')).then(() => order.push('command'));
    await Promise.all([loading, command]);
    assert.deepEqual(order, ['command', 'library']);
  });

  it('reports every problem of a note with its file and line, in a notification without links', async () => {
    const api = await extensionApi();
    const problems = (await api.library.problems()).filter((problem) => fileName(problem.uri) === 'evil.md');
    const heading = problems.find((problem) => problem.message.includes('needs an id'));
    assert.ok(heading, `a problem for the heading without an id: ${JSON.stringify(problems.map((problem) => problem.message))}`);
    assert.equal(heading.line, 13, 'the line of "## [Fix the note format now](command:…)" (zero-based)');
    assert.include(heading.message, '[Fix the note format now](command:workbench.action.files.newUntitledFile)', 'the problem quotes the heading as it is');
    const shown = await waitFor('the warning naming evil.md', () => recorder.messages.find((message) => message.includes('evil.md')));
    assert.match(shown, /line \d+/);
    assertPlain(recorder.messages);
  });

  it('keeps the good note working: it opens in the reader', async () => {
    const api = await extensionApi();
    assert.ok(await api.library.note('good'));
    await vscode.commands.executeCommand('interviewNotes.openNote', 'good', 'q-still-works');
    await waitFor('the reader on the good note', () => api.reader.location?.noteId === 'good');
  });

  it('reads the note whose heading is 1.9 MB of spaces, and the section after it', async () => {
    const api = await extensionApi();
    const spaces = await api.library.note('spaces');
    assert.ok(spaces, 'the note loads');
    assert.ok(spaces.note.sections.some((section) => section.id === 'after'));
    const problem = (await api.library.problems()).find((candidate) => fileName(candidate.uri) === 'spaces.md');
    assert.ok(problem && problem.line !== undefined && problem.message.includes('needs an id'), 'the heading of spaces has no id, and that is reported with its line');
    assert.isBelow(problem.message.length, 400, 'the problem quotes the start of the heading, not its megabytes');
  });

  it('refuses the 20,000-key snippet file past its cap, the fence-breaking scope and the linked key, each with its line', async () => {
    const api = await extensionApi();
    const problems = await api.snippets.problems();
    const inFile = (name: string) => problems.filter((problem) => problem.file.endsWith(`/.interview-notes/snippets/${name}`));
    const many = inFile('many.json');
    assert.lengthOf(many, 1);
    assert.equal(many[0].line, 5001);
    assert.match(many[0].message, /more than 5000 snippets/);
    const python = inFile('python.json');
    assert.deepEqual(python.map((problem) => problem.line).sort((a, b) => a - b), [1, 5]);
    assert.match(python.find((problem) => problem.line === 5)!.message, /"scope" must be language ids/);
    assert.include(python.find((problem) => problem.line === 1)!.message, '[Fix this snippet now](command:workbench.action.files.newUntitledFile)');
    const snippets = await api.snippets.all();
    assert.ok(snippets.some((snippet) => snippet.prefixes.includes('hostile-good')), 'the good workspace snippet loads in a trusted workspace');
    assert.equal(snippets.filter((snippet) => snippet.file.endsWith('many.json')).length, 5000);
    assertPlain(recorder.messages);
  });

  it('clamps the workspace setting that lifts the size limit: the 3 MB note is within 64 MB', async () => {
    const api = await extensionApi();
    assert.equal(vscode.workspace.getConfiguration().get('interviewNotes.maxNoteSizeMB'), 100000, 'the hostile setting applies in a trusted workspace');
    assert.ok(await api.library.note('big'), 'read under the clamped limit');
  });

  it('refuses the hostile progress files whole, quoting them as text', async () => {
    const api = await extensionApi();
    const before = JSON.stringify(api.progress.progress);
    for (const name of ['progress-import.json', 'progress-import-link.json']) {
      const outcome = await api.practice.transfer.importProgress(workspaceFile(name));
      assert.ok(outcome && 'refused' in outcome, `${name} is refused`);
    }
    assert.equal(JSON.stringify(api.progress.progress), before, 'nothing changed');
    const refusals = recorder.messages.filter((message) => message.includes('was not imported'));
    assert.lengthOf(refusals, 2);
    assert.match(refusals[0], /"stability" must be a number from 0 to/);
    assertPlain(refusals);
  });

  it('[node-only] never reads a link to /dev/zero that appears while the folder is watched', async () => {
    const api = await extensionApi();
    await api.library.allNotes(); // watching
    // Made here, in the test's own copy of the fixture: a symbolic link cannot be committed portably.
    // Node's fs, out of the bundler's sight (this file is bundled for the web worker host too).
    const fs = (globalThis as unknown as { process: { getBuiltinModule(id: string): typeof import('node:fs') } }).process.getBuiltinModule('node:fs');
    fs.symlinkSync('/dev/zero', vscode.Uri.joinPath(notesFolder(), 'zero.md').fsPath);
    const problem = await waitFor('the problem for zero.md', async () => (await api.library.problems()).find((candidate) => fileName(candidate.uri) === 'zero.md'), 20_000);
    assert.include(problem.message, 'not a regular file');
    assert.ok(await api.library.note('good'), 'the other notes still work');
    const outcome = await api.practice.transfer.importProgress(vscode.Uri.joinPath(notesFolder(), 'zero.md'));
    assert.ok(outcome && 'refused' in outcome, 'an import of the device is refused too');
  });
});

describe('a hostile workspace in Restricted Mode [untrusted]', function () {
  this.timeout(120_000);

  it('runs untrusted', () => {
    assert.isFalse(vscode.workspace.isTrusted);
  });

  it('reads the notes (rendering is safe) but offers none of the workspace snippets', async () => {
    const api = await extensionApi();
    assert.ok(await api.library.note('good'), 'notes are read');
    const snippets = await api.snippets.all();
    assert.notOk(snippets.some((snippet) => snippet.file.includes('/.interview-notes/snippets/')), 'no workspace snippet until the workspace is trusted');
    assert.ok(snippets.length > 0, 'the bundled snippets are there');
  });

  it('ignores the workspace setting that lifts the note size limit', async () => {
    const api = await extensionApi();
    assert.notEqual(vscode.workspace.getConfiguration().get('interviewNotes.maxNoteSizeMB'), 100000);
    const problem = (await api.library.problems()).find((candidate) => fileName(candidate.uri) === 'big.md');
    assert.ok(problem, 'the 3 MB note is skipped');
    assert.include(problem.message, 'larger than 2 MB');
    assert.notOk(await api.library.note('big'));
  });
});
