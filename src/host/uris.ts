import * as vscode from 'vscode';

/** Whether anything is at the URI, through VS Code's file system (local, remote or virtual). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A URI as the user knows it: a path for local files, the URI otherwise. */
export function describeUri(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

/**
 * Writes a file that must not exist yet, never replacing one: the bytes go to a temporary
 * name beside it, which is then renamed without overwrite. A file that appeared in between
 * (another window, a sync) stays as it is, and the error says so.
 */
export async function writeNewFile(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = vscode.Uri.joinPath(uri, '..', `.${uri.path.split('/').pop()}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, bytes);
  try {
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: false });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
