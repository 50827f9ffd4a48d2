import * as vscode from 'vscode';
import { settingFolders } from './settingFolders';

export const snippetFoldersSetting = 'interviewNotes.snippetFolders';

/**
 * The user's snippet folders: each workspace folder's `.interview-notes/snippets/`, and the
 * folders of the setting (absolute, `~/...`, or relative to each workspace folder).
 */
export function userSnippetFolders(): vscode.Uri[] {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const folders = workspaceFolders.map((folder) => vscode.Uri.joinPath(folder.uri, '.interview-notes', 'snippets'));
  return [...folders, ...settingFolders(snippetFoldersSetting).map((folder) => folder.uri)];
}
