import * as vscode from 'vscode';

export const snippetFoldersSetting = 'interviewNotes.snippetFolders';

/**
 * The user's snippet folders: each workspace folder's `.interview-notes/snippets/`, and the
 * folders of the setting (absolute, `~/...`, or relative to each workspace folder).
 */
export function userSnippetFolders(): vscode.Uri[] {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const folders = workspaceFolders.map((folder) => vscode.Uri.joinPath(folder.uri, '.interview-notes', 'snippets'));
  const home = typeof process === 'object' ? process.env?.HOME : undefined;
  for (const entry of vscode.workspace.getConfiguration().get<string[]>(snippetFoldersSetting, [])) {
    if (typeof entry !== 'string' || entry.trim() === '') {
      continue;
    }
    if (entry.startsWith('~/') && home) {
      folders.push(vscode.Uri.file(`${home}/${entry.slice(2)}`));
    } else if (entry.startsWith('/')) {
      folders.push(vscode.Uri.file(entry));
    } else if (vscode.workspace.isTrusted) {
      // Relative folders resolve inside each workspace folder.
      folders.push(...workspaceFolders.map((folder) => vscode.Uri.joinPath(folder.uri, entry)));
    }
  }
  return folders;
}
