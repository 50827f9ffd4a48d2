import { assert } from 'chai';
import * as vscode from 'vscode';
import { acceptUntilSettled, closeAllEditors, extensionApi, waitFor, workspaceFile } from './helpers';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function openAtEnd(name: string, content?: string): Promise<vscode.TextEditor> {
  if (content !== undefined) {
    await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(content));
  }
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)));
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

async function completions(editor: vscode.TextEditor): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
  return list.items;
}

describe('coding aids', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  it('offers the Compose snippets in a compose.yaml, and inserts the stack', async () => {
    const editor = await openAtEnd('compose.yaml');
    const stack = (await completions(editor)).find((item) => labelOf(item) === 'compose-stack');
    assert.ok(stack, 'compose-stack is offered');
    await editor.insertSnippet(stack.insertText as vscode.SnippetString);
    assert.match(editor.document.getText(), /condition: service_healthy/);
    await vscode.commands.executeCommand('undo');
  });

  it('explains a Dockerfile instruction and an nginx directive on hover, with a link to the note', async () => {
    const dockerfile = await openAtEnd('Dockerfile');
    const dockerHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', dockerfile.document.uri, new vscode.Position(2, 1));
    const dockerText = dockerHovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.include(dockerText, 'COPY');
    assert.include(dockerText, 'command:interviewNotes.openNote');
    const nginx = await openAtEnd('nginx.conf', 'events {}\nhttp {\n    server {\n        location / { proxy_pass http://127.0.0.1:8000; }\n    }\n}\n');
    const column = nginx.document.lineAt(3).text.indexOf('proxy_pass') + 2;
    const nginxHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', nginx.document.uri, new vscode.Position(3, column));
    const nginxText = nginxHovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.include(nginxText, '%5B%22nginx%22%2C%22proxy-pass%22%5D');
  });

  it('builds hover and completion details that wrap: words and tables, no &nbsp;, no repeated description, no live link', async () => {
    // Every link in them is the one to the note; no bare URL either (VS Code would link it).
    const assertReadable = (markdown: string, where: string) => {
      assert.notInclude(markdown, '&nbsp;', `${where}: spaces stay spaces, so the text wraps`);
      const links = markdown.match(/\]\([^)]*\)/g) ?? [];
      assert.ok(links.every((link) => link.startsWith('](command:interviewNotes.openNote?')), `${where}: only the note's link: ${links.join(' ')}`);
      assert.notMatch(markdown.replace(/`[^`]*`/g, ''), /https?:\/\/|www\./, `${where}: no bare URL outside code`);
    };
    const nginx = await openAtEnd('upstream.nginx', 'events {}\nhttp {\n    upstream app {\n        least_conn;\n        server 127.0.0.1:8000;\n    }\n}\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', nginx.document.uri, new vscode.Position(3, 10));
    const hover = hovers.flatMap((found) => found.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assertReadable(hover, 'the least_conn hover');
    assert.match(hover, /^\| Method \| Directive \| Behaviour \| Good for \|$/m, 'the table of methods as a table');
    assert.match(hover, /^\| Least connections \| least\\_conn \|/m, 'its cells escaped');
    assert.match(hover, /An `upstream` block defines a server group/, 'the words, with their code');

    const python = await openAtEnd('app.py');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', python.document.uri, python.selection.active, undefined, 100);
    const singleton = list.items.find((item) => labelOf(item) === 'singleton-decorator');
    assert.ok(singleton?.detail, 'the description is the detail');
    const documentation = (singleton.documentation as vscode.MarkdownString).value;
    assertReadable(documentation, 'the singleton details');
    assert.notInclude(documentation.replace(/\\/g, '').replace(/&nbsp;/g, ' '), singleton.detail, 'the description is shown once, as the detail');
    assert.match(documentation, /^> \S/m, 'the note\'s words');
  });

  it('warns about a shell-form CMD and fixes it to the exec form', async () => {
    const editor = await openAtEnd('pitfall.Dockerfile', 'FROM python:3.12-slim\nADD app.py /app/\nCMD python app.py\n');
    assert.equal(editor.document.languageId, 'dockerfile');
    const diagnostics = await waitFor('the diagnostics', () => {
      const found = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'Interview Notes');
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), [['add-instead-of-copy', 1], ['shell-form', 2]]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostics[1].range);
    const fix = actions.find((action) => action.title === 'Use the exec form');
    assert.ok(fix?.edit, 'a quick fix is offered');
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(editor.document.lineAt(2).text, 'CMD ["python", "app.py"]');
    await waitFor('the warning to go', () => (vscode.languages.getDiagnostics(editor.document.uri).some((diagnostic) => diagnostic.code === 'shell-form') ? undefined : true));
    await editor.document.save();
  });

  it('inserts the snippet picked in "Insert Snippet...", the current language first', async () => {
    const editor = await openAtEnd('Dockerfile');
    const before = editor.document.getText();
    const inserted = await acceptUntilSettled(vscode.commands.executeCommand<boolean>('interviewNotes.insertSnippet'));
    assert.isTrue(inserted);
    assert.match(editor.document.getText().slice(before.length - 1), /ENTRYPOINT \["gunicorn"/);
    await vscode.commands.executeCommand('undo');
  });

  it('with no editor open, inserts the picked snippet into a new file of its language', async () => {
    await closeAllEditors();
    const inserted = await acceptUntilSettled(vscode.commands.executeCommand<boolean>('interviewNotes.insertSnippet'));
    assert.isTrue(inserted);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor?.document.isUntitled, 'a new untitled file');
    assert.isAbove(editor.document.getText().trim().length, 0, 'holding the snippet');
    assert.notEqual(editor.document.languageId, 'plaintext', 'in the snippet\'s language');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports a malformed user snippet file by path and line, and still loads the others', async () => {
    const { snippets } = await extensionApi();
    const folder = workspaceFile('.interview-notes/snippets');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'python.json'), new TextEncoder().encode('{\n  // mine\n  "Hello": { "prefix": "my-hello", "body": "print(\\"hello\\")", },\n}\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'broken.code-snippets'), new TextEncoder().encode('{\n  "Broken": {\n    "prefix": "x",\n    "body": [\n'));
    await vscode.commands.executeCommand('interviewNotes.refresh');
    const problems = await snippets.problems();
    const broken = problems.find((problem) => problem.file.endsWith('broken.code-snippets'));
    assert.ok(broken, 'the broken file is reported');
    assert.isAtLeast(broken.line, 3);
    const editor = await openAtEnd('app.py');
    const labels = (await completions(editor)).map(labelOf);
    assert.include(labels, 'my-hello', 'the user snippet is offered');
    assert.include(labels, 'singleton-decorator', 'the bundled ones still are');
  });
});
