import * as vscode from 'vscode';
import { childrenOf, questionsOf, topLevelSections, type Note, type NoteSection } from '../core/notes/note';
import { Disposable } from './disposable';
import type { NoteLibrary } from './noteLibrary';
import { openNoteCommand } from './commandIds';
import { questionStateLabel, type QuestionStates } from './questionStates';

export type TopicsTreeNode =
  | { readonly kind: 'topic'; readonly note: Note }
  | { readonly kind: 'section'; readonly note: Note; readonly section: NoteSection };

/** The sidebar: topics, their sections, and the questions and subsections under those. */
export class TopicsTreeProvider extends Disposable implements vscode.TreeDataProvider<TopicsTreeNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<TopicsTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;

  private tag: string | undefined;

  constructor(
    private readonly library: NoteLibrary,
    /** Practice progress: due counts on topics, a state on each question. */
    private readonly questionStates?: QuestionStates,
  ) {
    super();
    this.register(library.onDidChange(() => this.changeEmitter.fire(undefined)));
    if (questionStates) {
      this.register(questionStates.onDidChange(() => this.changeEmitter.fire(undefined)));
    }
  }

  /** Shows only the topics with this tag; undefined shows them all. */
  setTagFilter(tag: string | undefined): void {
    this.tag = tag;
    void vscode.commands.executeCommand('setContext', 'interviewNotes.filtered', tag !== undefined);
    this.changeEmitter.fire(undefined);
  }

  get tagFilter(): string | undefined {
    return this.tag;
  }

  async getChildren(node?: TopicsTreeNode): Promise<TopicsTreeNode[]> {
    if (!node) {
      const topics = (await this.library.topics()).filter((loaded) => this.tag === undefined || loaded.note.tags.includes(this.tag));
      // The welcome view shows only once the notes are known to be empty, never while they load.
      void vscode.commands.executeCommand('setContext', 'interviewNotes.empty', topics.length === 0);
      return topics.map((loaded) => ({ kind: 'topic', note: loaded.note }));
    }
    const sections = node.kind === 'topic' ? topLevelSections(node.note) : childrenOf(node.note, node.section.id);
    return sections.map((section) => ({ kind: 'section', note: node.note, section }));
  }

  // VS Code asks for every item of the first level on each refresh, ten thousand with a
  // large library: the strings are formatted once, and tooltips only when hovered.
  private readonly questionCountLabels = new Map<number, string>();
  private openNoteTitle: string | undefined;

  getTreeItem(node: TopicsTreeNode): vscode.TreeItem {
    this.openNoteTitle ??= vscode.l10n.t('Open Note');
    if (node.kind === 'topic') {
      const item = new vscode.TreeItem(node.note.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `topic:${node.note.id}`;
      item.iconPath = new vscode.ThemeIcon(node.note.icon);
      const questions = questionsOf(node.note);
      const due = this.questionStates ? questions.filter((question) => this.questionStates?.stateOf(`${node.note.id}#${question.id}`) === 'due').length : 0;
      item.description = due > 0 ? vscode.l10n.t('{0} questions · {1} due', questions.length, due) : this.questionCountLabel(questions.length);
      item.contextValue = 'topic';
      item.command = { command: openNoteCommand, title: this.openNoteTitle, arguments: [node.note.id] };
      return item;
    }
    const { note, section } = node;
    const hasChildren = section.level === 2 && childrenOf(note, section.id).length > 0;
    const item = new vscode.TreeItem(section.title, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `section:${note.id}#${section.id}`;
    item.iconPath = new vscode.ThemeIcon(section.kind === 'question' ? 'question' : section.level === 2 ? 'symbol-namespace' : 'symbol-string');
    item.contextValue = section.kind;
    if (section.kind === 'question' && this.questionStates) {
      const state = this.questionStates.stateOf(`${note.id}#${section.id}`);
      item.description = questionStateLabel(state);
      item.iconPath = new vscode.ThemeIcon(questionStateIcons[state]);
    }
    item.command = { command: openNoteCommand, title: this.openNoteTitle, arguments: [note.id, section.id] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TopicsTreeNode): vscode.TreeItem {
    item.tooltip = node.kind === 'topic' ? node.note.summary ?? excerpt(node.note.intro) : excerpt(node.section.text) || node.section.title;
    return item;
  }

  private questionCountLabel(count: number): string {
    let label = this.questionCountLabels.get(count);
    if (label === undefined) {
      label = vscode.l10n.t('{0} questions', count);
      this.questionCountLabels.set(count, label);
    }
    return label;
  }

  /** The tree node for a place in a note, for "Reveal in Sidebar". */
  nodeFor(note: Note, sectionId: string | undefined): TopicsTreeNode {
    const section = sectionId ? note.sections.find((candidate) => candidate.id === sectionId) : undefined;
    return section ? { kind: 'section', note, section } : { kind: 'topic', note };
  }

  getParent(node: TopicsTreeNode): TopicsTreeNode | undefined {
    if (node.kind === 'topic') {
      return undefined;
    }
    const parent = node.section.parentId ? node.note.sections.find((section) => section.id === node.section.parentId) : undefined;
    return parent ? { kind: 'section', note: node.note, section: parent } : { kind: 'topic', note: node.note };
  }
}

const questionStateIcons = { new: 'question', learning: 'sync', due: 'bell-dot', mastered: 'pass-filled' } as const;

function excerpt(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}
