import * as vscode from 'vscode';
import { commands } from './commandIds';
import type { ExtensionServices } from './services';
import { settings } from './settings';

/** "Refresh", and reading notes and snippets again when their settings, the folders or the trust change. */
export function registerRefresh({ library, snippets }: ExtensionServices): vscode.Disposable {
  const refreshAll = () => {
    library.refresh();
    snippets.refresh();
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commands.refresh, refreshAll),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settings.language) || event.affectsConfiguration(settings.notesFolders) || event.affectsConfiguration(settings.maxNoteSizeMB)) {
        library.refresh();
      }
      if (event.affectsConfiguration(settings.snippetFolders)) {
        snippets.refresh();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(refreshAll),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshAll),
  );
}
