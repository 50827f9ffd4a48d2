import * as vscode from 'vscode';
import { describeUri, exists, writeNewFile } from './uris';
import { isNoteLanguage, type NoteLanguage } from '../core/notes/note';
import { freeNoteId, noteIdFromTitle, noteTemplate, userNoteFileName } from '../core/notes/noteTemplate';
import { Disposable } from './disposable';
import { preferredNoteLanguage } from './noteLanguage';
import type { NoteLibrary } from './noteLibrary';
import { settingNoteSources, workspaceNoteSources } from './noteSources';
import type { Reader } from './reader';
import { isNoteNode, type TopicsTreeNode } from './topicsTree';

import { commands } from './commandIds';
import { showError, showInformation } from './notify';
import { settings } from './settings';
import type { ExtensionServices } from './services';
import { bundledNotesScheme } from './bundledNotesFileSystem';

/** What scripts and tests may pass instead of answering the prompts. */
interface NewNoteArguments {
  readonly title?: unknown;
  readonly folder?: unknown;
  readonly language?: unknown;
}

interface CustomizeArguments {
  readonly noteId?: unknown;
  readonly folder?: unknown;
}

/** "New Note", "Copy to My Notes" and "Edit": the user's own notes beside the bundled ones. */
export class UserNoteCommands extends Disposable {
  constructor(
    private readonly library: NoteLibrary,
    private readonly reader: Reader,
  ) {
    super();
    this.register(vscode.commands.registerCommand(commands.newNote, (args?: NewNoteArguments) => this.newNote(args)));
    this.register(vscode.commands.registerCommand(commands.customizeNote, (target?: TopicsTreeNode | CustomizeArguments | vscode.Uri) => this.customize(target)));
    this.register(vscode.commands.registerCommand(commands.editNote, (node?: TopicsTreeNode) => this.edit(node)));
  }


  /** Asks for a title and a folder, writes the template there and opens it. Returns the new file. */
  async newNote(args: NewNoteArguments = {}): Promise<vscode.Uri | undefined> {
    const title =
      typeof args.title === 'string'
        ? args.title.trim()
        : (
            await vscode.window.showInputBox({
              title: vscode.l10n.t('New Note ({0}/{1})', 1, 2),
              prompt: vscode.l10n.t('The title of the note, shown in the sidebar'),
              placeHolder: vscode.l10n.t('For example: Kafka basics'),
              validateInput: (value) =>
                value.trim() === '' ? vscode.l10n.t('Type a title.') : value.length > 120 ? vscode.l10n.t('Keep the title under 120 characters.') : undefined,
            })
          )?.trim();
    if (!title) {
      return undefined;
    }
    const folder = toUri(args.folder) ?? (await this.pickFolder(vscode.l10n.t('New Note ({0}/{1})', 2, 2), vscode.l10n.t('Where to save the new note')));
    if (!folder) {
      return undefined;
    }
    const language: NoteLanguage = isNoteLanguage(args.language) ? args.language : preferredNoteLanguage();
    // A taken id would replace a note the user already has, so it gets a number instead.
    const id = await freeNoteId(noteIdFromTitle(title), async (candidate) => (await exists(vscode.Uri.joinPath(folder, userNoteFileName(candidate, language)))) || (await this.library.note(candidate, language)) !== undefined);
    if (!id) {
      void showError(vscode.l10n.t('No free file name for "{0}" in {1}.', title, describeUri(folder)));
      return undefined;
    }
    const file = vscode.Uri.joinPath(folder, userNoteFileName(id, language));
    const folderExisted = await exists(folder);
    try {
      await writeNewFile(file, new TextEncoder().encode(noteTemplate({ id, title, language })));
    } catch (error) {
      const reason = error instanceof vscode.FileSystemError && error.code === 'FileExists' ? vscode.l10n.t('the file appeared meanwhile') : error instanceof Error ? error.message : String(error);
      void showError(vscode.l10n.t('The note was not created at {0}: {1}. Nothing was replaced.', describeUri(file), reason));
      return undefined;
    }
    this.afterWriting(folderExisted);
    await vscode.window.showTextDocument(file, { preview: false });
    return file;
  }

  /**
   * Copies a bundled note (every language of it) into a user's folder. Refuses, and copies
   * nothing, when one of the files is already there. Returns the copies.
   */
  async customize(target?: TopicsTreeNode | CustomizeArguments | vscode.Uri): Promise<vscode.Uri[] | undefined> {
    if (target instanceof vscode.Uri) {
      // From the title of a bundled note opened read-only: `interview-notes-bundled:/en/redis.md`.
      target = target.scheme === bundledNotesScheme ? { noteId: target.path.split('/').pop()?.replace(/\.md$/, '') } : undefined;
    }
    const noteId = isNoteNode(target as TopicsTreeNode | undefined)
      ? (target as { note: { id: string } }).note.id
      : typeof (target as CustomizeArguments | undefined)?.noteId === 'string'
        ? ((target as CustomizeArguments).noteId as string)
        : this.reader.location?.noteId;
    if (!noteId) {
      void showInformation(vscode.l10n.t('Open a note or pick one in the sidebar first.'));
      return undefined;
    }
    const bundled = (await this.library.sources()).find((source) => source.isBundled);
    const originals = bundled ? await this.library.filesOf(noteId, bundled.id) : [];
    if (originals.length === 0) {
      void showInformation(vscode.l10n.t('"{0}" is not a bundled note: it is already yours to edit.', noteId));
      return undefined;
    }
    const title = originals[0].note.title;
    const folder =
      toUri((target as CustomizeArguments | undefined)?.folder) ??
      (await this.pickFolder(vscode.l10n.t('Copy to My Notes ({0}/{1})', 1, 2), vscode.l10n.t('Where to keep your copy of "{0}"', title), vscode.l10n.t('Copy to My Notes ({0}/{1})', 2, 2)));
    if (!folder) {
      return undefined;
    }
    const copies = originals.map((original) => ({ from: original.file.uri, to: vscode.Uri.joinPath(folder, userNoteFileName(noteId, original.note.language)) }));
    for (const copy of copies) {
      if (await exists(copy.to)) {
        void showError(vscode.l10n.t('{0} already exists: nothing was copied, so your file stays as it is.', describeUri(copy.to)));
        return undefined;
      }
    }
    const folderExisted = await exists(folder);
    for (const copy of copies) {
      await vscode.workspace.fs.copy(copy.from, copy.to, { overwrite: false });
    }
    this.afterWriting(folderExisted);
    const preferred = copies.find((copy) => copy.to.path.endsWith(userNoteFileName(noteId, preferredNoteLanguage()))) ?? copies[0];
    // Say where the copy went (the sidebar now shows it instead of the original), and offer it.
    const open = vscode.l10n.t('Open');
    void showInformation(vscode.l10n.t('Copied "{0}" to {1}. The sidebar shows your copy from now on.', title, describeUri(folder)), open).then(async (answer) => {
      if (answer === open) {
        await vscode.window.showTextDocument(preferred.to, { preview: false });
      }
    });
    return copies.map((copy) => copy.to);
  }

  /** Opens a user's note as Markdown; a bundled note offers a copy to edit instead. */
  async edit(node?: TopicsTreeNode): Promise<vscode.TextEditor | undefined> {
    const location = this.reader.location;
    const loaded =
      node?.kind === 'topic' && node.loaded
        ? node.loaded
        : isNoteNode(node)
          ? await this.library.note(node.note.id, node.note.language)
          : location && (await this.library.note(location.noteId, location.language, location.sourceId));
    if (!loaded) {
      return undefined;
    }
    if (loaded.source.isBundled) {
      const copy = vscode.l10n.t('Copy to My Notes');
      if ((await showInformation(vscode.l10n.t('Bundled notes are read-only. Copy "{0}" to your notes to edit it?', loaded.note.title), copy)) === copy) {
        await this.customize({ noteId: loaded.note.id });
      }
      return undefined;
    }
    return vscode.window.showTextDocument(loaded.file.uri, { preview: false });
  }

  /** The workspace's `.interview-notes/`, the setting's folders, or one the user picks. */
  private async pickFolder(title: string, placeHolder: string, dialogTitle?: string): Promise<vscode.Uri | undefined> {
    const choices: (vscode.QuickPickItem & { folder?: vscode.Uri })[] = [...workspaceNoteSources(), ...settingNoteSources()].map((source) => ({
      label: source.label,
      description: describeUri(source.root),
      folder: source.root,
    }));
    choices.push({ label: vscode.l10n.t('Choose Folder...'), description: vscode.l10n.t('and add it to {0}', settings.notesFolders) });
    const picked = await vscode.window.showQuickPick(choices, { title, placeHolder });
    if (!picked) {
      return undefined;
    }
    if (picked.folder) {
      return picked.folder;
    }
    const [chosen] = (await vscode.window.showOpenDialog({ title: dialogTitle, canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Keep Notes Here') })) ?? [];
    if (chosen) {
      // Otherwise the note would be written where nothing reads it.
      const setting = vscode.workspace.getConfiguration();
      const folders = setting.get<string[]>(settings.notesFolders, []);
      await setting.update(settings.notesFolders, [...folders, chosen.scheme === 'file' ? chosen.fsPath : chosen.path], vscode.ConfigurationTarget.Global);
      void showInformation(vscode.l10n.t('Added {0} to the setting {1}.', describeUri(chosen), settings.notesFolders));
    }
    return chosen;
  }

  /** A new folder has no watcher yet: read the sources again, which watches it from now on. */
  private afterWriting(folderExisted: boolean): void {
    if (!folderExisted) {
      this.library.refresh();
    }
  }
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) {
    return value;
  }
  return typeof value === 'string' && value !== '' ? vscode.Uri.parse(value, true) : undefined;
}

export function registerUserNotes({ library, reader }: ExtensionServices): UserNoteCommands {
  return new UserNoteCommands(library, reader);
}
