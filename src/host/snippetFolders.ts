import * as vscode from 'vscode';
import { settingFolders } from './settingFolders';
import { settings } from './settings';


/** A folder of snippet files. One the user named in the setting must exist, or they are told. */
export interface SnippetFolder {
  readonly uri: vscode.Uri;
  readonly fromSetting: boolean;
}

/**
 * The user's snippet folders: each workspace folder's `.interview-notes/snippets/`, and the
 * folders of the setting (absolute, `~/...`, or relative to each workspace folder).
 * A snippet is code offered for insertion, so a workspace's own snippets wait until the user
 * trusts it (in Restricted Mode VS Code also ignores the workspace's value of the setting).
 */
export function userSnippetFolders(): SnippetFolder[] {
  const workspaceFolders = vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []) : [];
  const folders: SnippetFolder[] = workspaceFolders.map((folder) => ({ uri: vscode.Uri.joinPath(folder.uri, '.interview-notes', 'snippets'), fromSetting: false }));
  return [...folders, ...settingFolders(settings.snippetFolders).map((folder) => ({ uri: folder.uri, fromSetting: true }))];
}
