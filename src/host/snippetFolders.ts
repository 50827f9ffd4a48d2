import * as vscode from 'vscode';

export const snippetFoldersSetting = 'interviewNotes.snippetFolders';

/** A folder of snippet files. One the user named in the setting must exist, or they are told. */
export interface SnippetFolder {
  readonly uri: vscode.Uri;
  readonly fromSetting: boolean;
}

/**
 * The user's snippet folders: each workspace folder's `.interview-notes/snippets/`, and the
 * folders of the setting (absolute, `~/...`, or relative to each workspace folder).
 */
export function userSnippetFolders(): SnippetFolder[] {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const folders: SnippetFolder[] = workspaceFolders.map((folder) => ({ uri: vscode.Uri.joinPath(folder.uri, '.interview-notes', 'snippets'), fromSetting: false }));
  const home = typeof process === 'object' ? process.env?.HOME : undefined;
  for (const entry of vscode.workspace.getConfiguration().get<string[]>(snippetFoldersSetting, [])) {
    if (typeof entry !== 'string' || entry.trim() === '') {
      continue;
    }
    if (entry.startsWith('~/') && home) {
      folders.push({ uri: vscode.Uri.file(`${home}/${entry.slice(2)}`), fromSetting: true });
    } else if (entry.startsWith('/')) {
      folders.push({ uri: vscode.Uri.file(entry), fromSetting: true });
    } else if (vscode.workspace.isTrusted) {
      // Relative folders resolve inside each workspace folder.
      folders.push(...workspaceFolders.map((folder) => ({ uri: vscode.Uri.joinPath(folder.uri, entry), fromSetting: true })));
    }
  }
  return folders;
}
