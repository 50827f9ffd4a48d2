import * as vscode from 'vscode';
import type { ExtensionServices } from './services';

/** The scheme under which the bundled notes open as Markdown: read-only, since an update replaces them. */
export const bundledNotesScheme = 'interview-notes-bundled';

/**
 * The extension's `notes/` folder, read-only. "Open Markdown Source" on a bundled note opens it
 * here rather than as a writable file inside the extension, where edits would be lost on the
 * next update; the editor's title offers "Copy to My Notes" instead.
 */
class BundledNotesFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly notesRoot: vscode.Uri) {}

  private toFile(uri: vscode.Uri): vscode.Uri {
    const parts = uri.path.split('/').filter(Boolean);
    if (parts.some((part) => part === '..')) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return vscode.Uri.joinPath(this.notesRoot, ...parts);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const stat = await vscode.workspace.fs.stat(this.toFile(uri));
    return { ...stat, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(this.toFile(uri));
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.toFile(uri));
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** The read-only address of a bundled note file (`notes/en/redis.md` → `interview-notes-bundled:/en/redis.md`). */
export function bundledNoteUri(file: vscode.Uri, extensionUri: vscode.Uri): vscode.Uri {
  const root = vscode.Uri.joinPath(extensionUri, 'notes').path;
  return vscode.Uri.from({ scheme: bundledNotesScheme, path: file.path.startsWith(`${root}/`) ? file.path.slice(root.length) : file.path });
}

export function registerBundledNotesFileSystem({ context }: ExtensionServices): vscode.Disposable {
  return vscode.workspace.registerFileSystemProvider(bundledNotesScheme, new BundledNotesFileSystem(vscode.Uri.joinPath(context.extensionUri, 'notes')), { isReadonly: true, isCaseSensitive: true });
}
