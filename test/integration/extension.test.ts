import { assert } from 'chai';
import * as vscode from 'vscode';
import { extensionApi, extensionId, workspaceFile } from './helpers';

describe('extension', () => {
  it('activates and registers every contributed command', async () => {
    await extensionApi();
    const contributed = (vscode.extensions.getExtension(extensionId)?.packageJSON.contributes.commands as { command: string }[]).map(({ command }) => command);
    assert.include(contributed, 'interviewNotes.openNote');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), [], 'contributed but not registered');
  });

  it('registers the Topics view, the reader\'s serializer and the snippet completions', async () => {
    const api = await extensionApi();
    // The view has its provider: focusing it works, and the provider lists the topics.
    await vscode.commands.executeCommand('interviewNotes.topics.focus');
    assert.isAbove((await api.tree.getChildren()).length, 5);
    // VS Code refuses a second serializer for a view type: the reader's is registered.
    assert.throws(() => vscode.window.registerWebviewPanelSerializer('interviewNotes.reader', { deserializeWebviewPanel: async () => undefined }).dispose(), /already registered/);
    // A Dockerfile gets our snippets as completions.
    const document = await vscode.workspace.openTextDocument(workspaceFile('Dockerfile'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
    assert.ok(list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'entrypoint-exec'));
  });
});
