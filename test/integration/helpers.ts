import { assert } from 'chai';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/host/extension';

export const extensionId = 'interview-notes.interview-notes';

export async function extensionApi(): Promise<InterviewNotesApi> {
  const extension = vscode.extensions.getExtension<InterviewNotesApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded`);
  return extension.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls until the condition holds, for state that VS Code updates asynchronously. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Presses Enter in the quick pick until the command that opened it settles, as a person
 * waits for the results before pressing Enter. Enter on an empty list is ignored.
 */
export async function acceptUntilSettled<T>(pending: Thenable<T>, timeoutMs = 15_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) {
      throw new Error('the quick pick did not settle');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!settled) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
  }
  return result;
}
