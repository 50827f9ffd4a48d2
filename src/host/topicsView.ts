import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { LibraryWork, NoteLibrary } from './noteLibrary';
import type { Reader } from './reader';
import { commands, topicsViewId } from './commandIds';
import type { QuestionStates } from './questionStates';
import type { ExtensionServices } from './services';
import { isNoteNode, TopicsTreeProvider, type TopicsTreeNode } from './topicsTree';
import { settings } from './settings';
import { bundledNoteUri } from './bundledNotesFileSystem';

/** Where a tree command acts: the item it was invoked on, or else the reader's current place. */
function placeOf(node: TopicsTreeNode | undefined, reader: Reader): { noteId: string; sectionId?: string } | undefined {
  if (isNoteNode(node)) {
    return { noteId: node.note.id, sectionId: node.kind === 'section' ? node.section.id : undefined };
  }
  return reader.location;
}

/** The Topics view: its tree, and its title and item commands (filter, language, open to the side, source, link, reveal). */
export class TopicsView extends Disposable {
  readonly tree: TopicsTreeProvider;
  readonly treeView: vscode.TreeView<TopicsTreeNode>;

  constructor(
    private readonly library: NoteLibrary,
    private readonly reader: Reader,
    questionStates: QuestionStates,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this.tree = this.register(new TopicsTreeProvider(library, questionStates));
    this.treeView = this.register(vscode.window.createTreeView(topicsViewId, { treeDataProvider: this.tree, showCollapseAll: true }));
    const command = (id: string, run: (node?: TopicsTreeNode) => unknown) => this.register(vscode.commands.registerCommand(id, run));
    this.register(vscode.commands.registerCommand(commands.filterByTag, (tag: unknown) => this.filterByTag(typeof tag === 'string' ? tag : undefined)));
    command(commands.clearFilter, () => this.setFilter(undefined));
    command(commands.switchLanguage, () => this.switchLanguage());
    command(commands.openItem, (node) => this.open(node, vscode.ViewColumn.Active));
    command(commands.openToSide, (node) => this.open(node, vscode.ViewColumn.Beside));
    command(commands.openSource, (node) => this.openSource(node));
    command(commands.copyLink, (node) => this.copyLink(node));
    command(commands.revealInSidebar, () => this.revealInSidebar());
    // Ten thousand notes take seconds to read: the view shows progress, and says what it waits for.
    this.register(library.onDidStartWork((work) => this.showProgress(work)));
  }

  private working = 0;

  private showProgress(work: LibraryWork): void {
    this.working++;
    const message = work.kind === 'reading' ? vscode.l10n.t('Reading the notes…') : work.kind === 'indexing' ? vscode.l10n.t('Indexing the notes for search…') : vscode.l10n.t('Reading the changed notes…');
    this.treeView.message = message;
    void vscode.window.withProgress({ location: { viewId: topicsViewId } }, () => work.done.catch(() => undefined)).then(() => {
      this.working--;
      if (this.working === 0) {
        this.treeView.message = this.filterMessage();
      }
    });
  }

  private filterMessage(): string | undefined {
    const tag = this.tree.tagFilter;
    return tag === undefined ? undefined : vscode.l10n.t('Topics tagged #{0}', tag);
  }

  async filterByTag(tag?: string): Promise<string | undefined> {
    const tags = [...new Set((await this.library.topics()).flatMap((topic) => topic.note.tags))].sort();
    const picked = tag ?? (await vscode.window.showQuickPick(tags, { placeHolder: vscode.l10n.t('Show only the topics with this tag') }));
    if (picked !== undefined) {
      this.setFilter(picked);
    }
    return picked;
  }

  private setFilter(tag: string | undefined): void {
    this.tree.setTagFilter(tag);
    if (this.working === 0) {
      this.treeView.message = this.filterMessage();
    }
  }

  private async switchLanguage(): Promise<void> {
    const current = vscode.workspace.getConfiguration().get<string>(settings.language, 'auto');
    const choices = [
      { label: vscode.l10n.t('Follow VS Code'), value: 'auto' },
      { label: 'English', value: 'en' },
      { label: '简体中文', value: 'zh-cn' },
    ].map((choice) => ({ ...choice, description: choice.value === current ? vscode.l10n.t('current') : undefined }));
    const picked = await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t('Language of the notes') });
    if (picked) {
      await vscode.workspace.getConfiguration().update(settings.language, picked.value, vscode.ConfigurationTarget.Global);
    }
  }

  private async open(node: TopicsTreeNode | undefined, viewColumn: vscode.ViewColumn): Promise<void> {
    const place = placeOf(node, this.reader);
    if (place) {
      await this.reader.show(place, { viewColumn });
    }
  }

  /** Opens the note's Markdown file at the heading. */
  private async openSource(node: TopicsTreeNode | undefined): Promise<vscode.TextEditor | undefined> {
    const place = placeOf(node, this.reader);
    const location = this.reader.location;
    const loaded = place && (await this.library.note(place.noteId, location?.noteId === place.noteId ? location.language : undefined));
    if (!loaded || !place) {
      return undefined;
    }
    const line = loaded.note.sections.find((section) => section.id === place.sectionId)?.line ?? 0;
    const position = new vscode.Position(line, 0);
    const uri = loaded.source.isBundled ? bundledNoteUri(loaded.file.uri, this.extensionUri) : loaded.file.uri;
    return vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: false });
  }

  /** Copies a link that works inside notes: `redis.md#cache-penetration`. */
  private async copyLink(node: TopicsTreeNode | undefined): Promise<string | undefined> {
    const place = placeOf(node, this.reader);
    if (!place) {
      return undefined;
    }
    const link = `${place.noteId}.md${place.sectionId ? `#${place.sectionId}` : ''}`;
    await vscode.env.clipboard.writeText(link);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', link), 3000);
    return link;
  }

  /** Selects the reader's current section in the sidebar. */
  private async revealInSidebar(): Promise<TopicsTreeNode | undefined> {
    const location = this.reader.location;
    const loaded = location && (await this.library.note(location.noteId, location.language));
    if (!loaded || !location) {
      return undefined;
    }
    if (this.tree.tagFilter !== undefined && !loaded.note.tags.includes(this.tree.tagFilter)) {
      this.setFilter(undefined);
    }
    const node = this.tree.nodeFor(loaded.note, location.sectionId, loaded);
    await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    return node;
  }
}

export function registerTopicsTree({ library, reader, progress, context }: ExtensionServices): TopicsView {
  return new TopicsView(library, reader, progress, context.extensionUri);
}
