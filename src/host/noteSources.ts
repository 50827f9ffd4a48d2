import * as vscode from 'vscode';
import { isNoteLanguage, noteIdPattern, type NoteLanguage } from '../core/notes/note';
import { settingFolders } from './settingFolders';
import { settings } from './settings';
import { exists } from './uris';

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
  /** The folder to watch for changes. */
  readonly root: vscode.Uri;
  /** A folder the user named in a setting: its absence is worth telling them. */
  readonly mustExist?: boolean;
  listNotes(): Promise<NoteFile[]>;
  /** The note a file of this source holds, if the file is one of its notes. */
  fileFor(uri: vscode.Uri): NoteFile | undefined;
}

/** `<root>/<lang>/<id>.md`, as in the extension's own `notes/` folder. */
export class LanguageFolderNoteSource implements NoteSource {
  constructor(
    readonly id: string,
    readonly label: string,
    readonly root: vscode.Uri,
    readonly isBundled: boolean,
  ) {}

  fileFor(uri: vscode.Uri): NoteFile | undefined {
    const rootPath = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority || !uri.path.startsWith(rootPath)) {
      return undefined;
    }
    const [language, name, ...rest] = uri.path.slice(rootPath.length).split('/');
    const noteId = name?.endsWith('.md') ? name.slice(0, -3) : '';
    return rest.length === 0 && isNoteLanguage(language) && noteIdPattern.test(noteId) ? { uri, noteId, language } : undefined;
  }

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

/**
 * A user's folder of notes: `<id>.md` (English, or any language) and `<id>.zh-cn.md`
 * directly inside it, or the bundled layout `<lang>/<id>.md`.
 */
export class UserFolderNoteSource implements NoteSource {
  readonly isBundled = false;
  private readonly byLanguageFolder: LanguageFolderNoteSource;

  constructor(
    readonly id: string,
    readonly label: string,
    readonly root: vscode.Uri,
    readonly mustExist = false,
  ) {
    this.byLanguageFolder = new LanguageFolderNoteSource(id, label, root, false);
  }

  fileFor(uri: vscode.Uri): NoteFile | undefined {
    const inFolder = this.byLanguageFolder.fileFor(uri);
    if (inFolder) {
      return inFolder;
    }
    const rootPath = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority || !uri.path.startsWith(rootPath)) {
      return undefined;
    }
    const name = uri.path.slice(rootPath.length);
    const match = /^([a-z][a-z0-9-]*?)(?:\.(zh-cn|en))?\.md$/.exec(name);
    return match ? { uri, noteId: match[1], language: isNoteLanguage(match[2]) ? match[2] : 'en' } : undefined;
  }

  async listNotes(): Promise<NoteFile[]> {
    const files = await this.byLanguageFolder.listNotes();
    for (const [name, type] of await readDirectoryOrEmpty(this.root)) {
      const file = type === vscode.FileType.File ? this.fileFor(vscode.Uri.joinPath(this.root, name)) : undefined;
      if (file) {
        files.push(file);
      }
    }
    return files;
  }
}

/** The workspace's `.interview-notes/` folders, one source per workspace folder. */
export function workspaceNoteSources(): NoteSource[] {
  return (vscode.workspace.workspaceFolders ?? []).map(
    (folder) => new UserFolderNoteSource(`workspace:${folder.uri.toString()}`, vscode.l10n.t('Workspace: {0}', folder.name), vscode.Uri.joinPath(folder.uri, '.interview-notes')),
  );
}


/** The folders of `interviewNotes.notesFolders`, one source each, labelled by the folder's name. */
export function settingNoteSources(): NoteSource[] {
  return settingFolders(settings.notesFolders).map(({ uri }) => {
    const name = uri.path.split('/').filter(Boolean).pop() ?? uri.path;
    return new UserFolderNoteSource(`folder:${uri.toString()}`, name, uri, true);
  });
}

/** Every source, in the order that decides which note wins: bundled, workspace, setting folders. */
export function allNoteSources(extensionUri: vscode.Uri): NoteSource[] {
  const sources = [bundledNoteSource(extensionUri), ...workspaceNoteSources(), ...settingNoteSources()];
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.root.toString()) && seen.add(source.root.toString()));
}

/**
 * Where to propose saving a file the user makes from the notes (a mock interview summary):
 * the workspace's notes folder if one exists, else the first workspace folder, else the home folder.
 */
export async function proposedSaveFolder(): Promise<vscode.Uri | undefined> {
  for (const source of workspaceNoteSources()) {
    if (await exists(source.root)) {
      return source.root;
    }
  }
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (workspaceFolder) {
    return workspaceFolder;
  }
  const home = typeof process === 'object' ? (process.env?.HOME ?? process.env?.USERPROFILE) : undefined;
  return home ? vscode.Uri.file(home) : undefined;
}
