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
