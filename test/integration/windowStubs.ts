import * as vscode from 'vscode';

/**
 * Stands in for the user at VS Code's dialogs and notifications, which a test cannot click:
 * records what the extension asked and answers as told. The extension and these tests share
 * one `vscode` API object, so replacing its functions reaches the extension's calls.
 */
export interface WindowStub extends vscode.Disposable {
  /** Every notification's message, in order. */
  readonly messages: string[];
  /** The options of every save dialog. */
  readonly saveDialogs: vscode.SaveDialogOptions[];
  /** The options of every `showQuickPick`. */
  readonly quickPicks: vscode.QuickPickOptions[];
}

export function stubWindow(answers: {
  notification?: (message: string, items: readonly unknown[]) => unknown;
  saveDialog?: (options: vscode.SaveDialogOptions) => vscode.Uri | undefined;
  quickPick?: (items: readonly unknown[], options: vscode.QuickPickOptions) => unknown;
}): WindowStub {
  const window = vscode.window as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  const stub: WindowStub = {
    messages: [],
    saveDialogs: [],
    quickPicks: [],
    dispose: () => originals.forEach((original, name) => (window[name] = original)),
  };
  const replace = (name: string, replacement: (...args: never[]) => unknown) => {
    originals.set(name, window[name]);
    window[name] = replacement;
  };
  replace('showInformationMessage', async (message: string, ...items: unknown[]) => {
    stub.messages.push(message);
    return answers.notification?.(message, items);
  });
  if (answers.saveDialog) {
    const answer = answers.saveDialog;
    replace('showSaveDialog', async (options: vscode.SaveDialogOptions) => {
      stub.saveDialogs.push(options);
      return answer(options);
    });
  }
  if (answers.quickPick) {
    const answer = answers.quickPick;
    replace('showQuickPick', async (items: readonly unknown[] | Thenable<readonly unknown[]>, options: vscode.QuickPickOptions) => {
      stub.quickPicks.push(options);
      return answer(await items, options);
    });
  }
  return stub;
}
