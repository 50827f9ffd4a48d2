import * as vscode from 'vscode';
import { isNoteLanguage, noteIdPattern, type NoteLanguage } from '../core/notes/note';

export interface NoteFile {
  readonly uri: vscode.Uri;
  readonly noteId: string;
  readonly language: NoteLanguage;
}

/**
 * Where notes come from. The bundled library is the first source; users' folders are
 * sources of the same kind. All reads go through `vscode.workspace.fs`, so every source
 * works in the web build and in remote and virtual workspaces.
 */
export interface NoteSource {
  readonly id: string;
  readonly label: string;
  /** Bundled notes must state what they were checked against. */
  readonly isBundled: boolean;
  listNotes(): Promise<NoteFile[]>;
}

/** `<root>/<lang>/<id>.md`, as in the extension's own `notes/` folder. */
export class LanguageFolderNoteSource implements NoteSource {
  constructor(
    readonly id: string,
    readonly label: string,
    private readonly root: vscode.Uri,
    readonly isBundled: boolean,
  ) {}

  async listNotes(): Promise<NoteFile[]> {
    const files: NoteFile[] = [];
    for (const [language, type] of await readDirectoryOrEmpty(this.root)) {
      if (type !== vscode.FileType.Directory || !isNoteLanguage(language)) {
        continue;
      }
      const folder = vscode.Uri.joinPath(this.root, language);
      for (const [name, fileType] of await readDirectoryOrEmpty(folder)) {
        const noteId = name.endsWith('.md') ? name.slice(0, -3) : '';
        if (fileType === vscode.FileType.File && noteIdPattern.test(noteId)) {
          files.push({ uri: vscode.Uri.joinPath(folder, name), noteId, language });
        }
      }
    }
    return files;
  }
}

async function readDirectoryOrEmpty(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(uri);
  } catch {
    return [];
  }
}

export function bundledNoteSource(extensionUri: vscode.Uri): NoteSource {
  return new LanguageFolderNoteSource('bundled', vscode.l10n.t('Bundled'), vscode.Uri.joinPath(extensionUri, 'notes'), true);
}
