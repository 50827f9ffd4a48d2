import * as vscode from 'vscode';

export interface SettingFolder {
  /** The entry as the user wrote it. */
  readonly entry: string;
  readonly uri: vscode.Uri;
}

/**
 * The folders a setting lists: absolute, `~/...`, or relative to each workspace folder.
 * Absolute paths take the workspace's scheme, so they name the same machine's folders in
 * a remote window and in the web worker host. Relative folders are read only in a trusted
 * workspace, since a workspace's settings could otherwise point anywhere inside it.
 */
export function settingFolders(setting: string): SettingFolder[] {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const onWorkspaceMachine = (uri: vscode.Uri) => {
    const base = workspaceFolders[0]?.uri;
    return base && base.scheme !== 'file' ? uri.with({ scheme: base.scheme, authority: base.authority }) : uri;
  };
  const home = typeof process === 'object' ? process.env?.HOME : undefined;
  const folders: SettingFolder[] = [];
  for (const entry of vscode.workspace.getConfiguration().get<unknown[]>(setting, [])) {
    if (typeof entry !== 'string' || entry.trim() === '') {
      continue;
    }
    if (entry.startsWith('~/') && home) {
      folders.push({ entry, uri: onWorkspaceMachine(vscode.Uri.file(`${home}/${entry.slice(2)}`)) });
    } else if (entry.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(entry)) {
      folders.push({ entry, uri: onWorkspaceMachine(vscode.Uri.file(entry)) });
    } else if (vscode.workspace.isTrusted && !entry.startsWith('~')) {
      folders.push(...workspaceFolders.map((folder) => ({ entry, uri: vscode.Uri.joinPath(folder.uri, entry) })));
    }
  }
  return folders;
}
