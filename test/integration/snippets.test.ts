import { assert } from 'chai';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, workspaceFile } from './helpers';

async function completionsAt(file: string, languageId?: string): Promise<{ editor: vscode.TextEditor; items: vscode.CompletionItem[] }> {
  let document = await vscode.workspace.openTextDocument(workspaceFile(file));
  if (languageId && document.languageId !== languageId) {
    document = await vscode.languages.setTextDocumentLanguage(document, languageId);
  }
  const editor = await vscode.window.showTextDocument(document);
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
  return { editor, items: list.items };
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('snippet completions', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  it('offers the exec-form ENTRYPOINT once in a Dockerfile, and accepting it inserts the exec form', async () => {
    const { editor, items } = await completionsAt('Dockerfile');
    assert.equal(editor.document.languageId, 'dockerfile');
    const matching = items.filter((item) => labelOf(item) === 'entrypoint-exec');
    assert.lengthOf(matching, 1, 'each snippet appears once');
    for (const prefix of ['entrypoint-shell', 'cmd-exec', 'cmd-shell']) {
      assert.ok(items.some((item) => labelOf(item) === prefix), `${prefix} is offered`);
    }
    const snippet = matching[0].insertText;
    assert.instanceOf(snippet, vscode.SnippetString);
    await editor.insertSnippet(snippet as vscode.SnippetString);
    assert.include(editor.document.getText(), 'ENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]');
    await vscode.commands.executeCommand('undo');
  });

  it('offers the reverse-proxy location in nginx.conf', async () => {
    const { editor, items } = await completionsAt('nginx.conf');
    assert.equal(editor.document.languageId, 'nginx');
    const proxy = items.find((item) => labelOf(item) === 'location-proxy');
    assert.ok(proxy);
    await editor.insertSnippet(proxy.insertText as vscode.SnippetString);
    const text = editor.document.getText();
    assert.include(text, 'proxy_pass http://backend;');
    assert.include(text, 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    await vscode.commands.executeCommand('undo');
  });

  it('offers a singleton in Python, with an excerpt of its note and a link to it', async () => {
    const { editor } = await completionsAt('app.py');
    const end = editor.selection.active;
    // The third argument asks VS Code to resolve the items, as focusing one in the list does.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, undefined, 100);
    const singleton = list.items.find((item) => labelOf(item) === 'singleton-decorator');
    assert.ok(singleton);
    assert.equal(singleton.filterText, 'singleton-decorator singleton', 'typing either prefix finds it');
    const documentation = singleton.documentation as vscode.MarkdownString;
    assert.include(documentation.value, 'command:interviewNotes.openNote');
    assert.include(documentation.value, 'def singleton(cls)');
    assert.match(documentation.value, /^> \S/m, 'an excerpt of the note section');
  });
});

describe('snippet completions as typed', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  it('offers a snippet with several prefixes once, every prefix in its filter text', async () => {
    const { items } = await completionsAt('app.py');
    const locks = items.filter((item) => item.filterText?.split(' ').includes('thread-lock'));
    assert.lengthOf(locks, 1);
    assert.equal(labelOf(locks[0]), 'threading-lock');
    assert.equal(locks[0].filterText, 'threading-lock thread-lock');
  });

  it('replace the whole typed prefix, "-" included, so `entrypoint-exec` inserts that snippet', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM python:3.12-slim\nentrypoint-ex' });
    const end = document.lineAt(1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
    const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'entrypoint-exec');
    assert.ok(item, 'offered');
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    assert.ok(range, 'the item says what it replaces');
    assert.equal(document.getText(range), 'entrypoint-ex');
  });
});

describe('snippets and hovers of the new topics', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  const labels = async (document: vscode.TextDocument) => {
    const end = document.lineAt(document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
    return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
  };

  it('offers the Kubernetes snippets in a manifest, and not in other YAML', async () => {
    const manifest = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: v1\nkind: List\nitems: []\n---\n' });
    assert.include(await labels(manifest), 'k8s-deployment');
    const other = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'stages: [build]\n' });
    assert.notInclude(await labels(other), 'k8s-deployment');
    const named = workspaceFile('deployment.yaml');
    await vscode.workspace.fs.writeFile(named, new TextEncoder().encode(''));
    try {
      assert.include(await labels(await vscode.workspace.openTextDocument(named)), 'k8s-deployment', 'a file named deployment.yaml is a manifest');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(named);
    }
  });

  it('offers the strict-mode script in a shell script and the hardened unit in a systemd unit', async () => {
    assert.include(await labels(await vscode.workspace.openTextDocument({ language: 'shellscript', content: '' })), 'bash-strict');
    assert.include(await labels(await vscode.workspace.openTextDocument({ language: 'systemd', content: '' })), 'systemd-service');
  });

  it('explains a manifest key on hover, with a link to the Kubernetes note', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      livenessProbe:\n        httpGet: { path: /healthz, port: 8080 }\n' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 10));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.include(text, 'kubernetes');
    assert.include(text, 'probes');
  });
});
