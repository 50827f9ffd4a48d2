import * as vscode from 'vscode';
import { childrenOf, questionsOf, topLevelSections, type Note, type NoteSection } from '../core/notes/note';
import { Disposable } from './disposable';
import { describeUri } from './uris';
import type { LoadedNote, NoteFileProblem, NoteLibrary, NoteSourceGroup } from './noteLibrary';
import type { NoteSource } from './noteSources';
import { commands } from './commandIds';
import { questionStateLabel, questionStateMeaning, type QuestionStates } from './questionStates';
import { plainUiText } from '../core/text/untrustedText';
import { questionIdOf } from '../core/practice/progress';
import { excerpt } from '../core/text/excerpt';
import { plainLabel } from '../core/text/inlineMarkdown';

export type TopicsTreeNode =
  | {
      readonly kind: 'topic';
      readonly note: Note;
      /** Where the note comes from; absent for nodes made from a note alone. */
      readonly loaded?: LoadedNote;
      /** Another source's note of the same id is the one shown (a user's copy of a bundled note). */
      readonly shadowed?: boolean;
    }
  | { readonly kind: 'section'; readonly note: Note; readonly section: NoteSection }
  | { readonly kind: 'group'; readonly source: NoteSource }
  | { readonly kind: 'problem'; readonly problem: NoteFileProblem };

/** The nodes that stand for a place in a note. */
export type NoteTreeNode = Extract<TopicsTreeNode, { note: Note }>;

export function isNoteNode(node: TopicsTreeNode | undefined): node is NoteTreeNode {
  return node?.kind === 'topic' || node?.kind === 'section';
}

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

  /** The groups shown at the root, by source id; empty when the topics are at the root. */
  private groups = new Map<string, NoteSourceGroup>();

  async getChildren(node?: TopicsTreeNode): Promise<TopicsTreeNode[]> {
    if (!node) {
      return this.rootNodes();
    }
    if (node.kind === 'group') {
      return this.groupChildren(this.groups.get(node.source.id));
    }
    if (node.kind === 'problem' || (node.kind === 'topic' && node.shadowed)) {
      return [];
    }
    const sections = node.kind === 'topic' ? topLevelSections(node.note) : childrenOf(node.note, node.section.id);
    return sections.map((section) => ({ kind: 'section', note: node.note, section }));
  }

  /**
   * Topics at the root while only the bundled notes exist; once a user's folder has notes
   * (or broken ones), one group per source.
   */
  private async rootNodes(): Promise<TopicsTreeNode[]> {
    const groups = (await this.library.groups()).filter((group) => group.source.isBundled || group.topics.length > 0 || group.problems.length > 0);
    const visibleTopics = groups.flatMap((group) => group.topics).filter(({ loaded }) => this.matchesTag(loaded.note));
    // The welcome view shows only once the notes are known to be empty, never while they load.
    void vscode.commands.executeCommand('setContext', 'interviewNotes.empty', visibleTopics.length === 0);
    this.groups = new Map(groups.some((group) => !group.source.isBundled) ? groups.map((group) => [group.source.id, group]) : []);
    if (this.groups.size === 0) {
      return this.groupChildren(groups[0]);
    }
    // A tag filter hides the groups it leaves empty.
    const shown = this.tag === undefined ? groups : groups.filter((group) => group.topics.some(({ loaded }) => this.matchesTag(loaded.note)));
    return shown.map((group) => ({ kind: 'group', source: group.source }));
  }

  private groupChildren(group: NoteSourceGroup | undefined): TopicsTreeNode[] {
    if (!group) {
      return [];
    }
    const topics: TopicsTreeNode[] = group.topics
      .filter(({ loaded }) => this.matchesTag(loaded.note))
      .map(({ loaded, shadowed }) => ({ kind: 'topic', note: loaded.note, loaded, shadowed }));
    const problems = this.tag === undefined ? group.problems : [];
    return [...topics, ...problems.map((problem): TopicsTreeNode => ({ kind: 'problem', problem }))];
  }

  private matchesTag(note: Note): boolean {
    return this.tag === undefined || note.tags.includes(this.tag);
  }

  // VS Code asks for every item of the first level on each refresh, ten thousand with a
  // large library: the strings are formatted once, and tooltips only when hovered.
  private readonly questionCountLabels = new Map<number, string>();
  private openNoteTitle: string | undefined;

  getTreeItem(node: TopicsTreeNode): vscode.TreeItem {
    this.openNoteTitle ??= vscode.l10n.t('Open Note');
    if (node.kind === 'group') {
      return groupItem(node.source);
    }
    if (node.kind === 'problem') {
      return problemItem(node.problem);
    }
    if (node.kind === 'topic') {
      const item = new vscode.TreeItem(plainUiText(plainLabel(node.note.title)), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `topic:${node.note.id}`;
      item.iconPath = new vscode.ThemeIcon(node.note.icon);
      const questions = questionsOf(node.note);
      const due = this.questionStates ? questions.filter((question) => this.questionStates?.stateOf(questionIdOf(node.note.id, question.id)) === 'due').length : 0;
      item.description = due > 0 ? `${this.questionCountLabel(questions.length)} · ${vscode.l10n.t('{0} due', due)}` : this.questionCountLabel(questions.length);
      item.contextValue = 'topic';
      item.command = { command: commands.openNote, title: this.openNoteTitle, arguments: [node.note.id] };
      return node.loaded ? withSource(item, node.loaded, node.shadowed ?? false) : item;
    }
    const { note, section } = node;
    const hasChildren = section.level === 2 && childrenOf(note, section.id).length > 0;
    // Headings are Markdown: `EXPOSE` shows as EXPOSE, not with its backticks.
    const item = new vscode.TreeItem(plainUiText(plainLabel(section.title)), hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `section:${note.id}#${section.id}`;
    item.iconPath = new vscode.ThemeIcon(section.kind === 'question' ? 'question' : section.level === 2 ? 'symbol-namespace' : 'symbol-string');
    item.contextValue = section.kind;
    if (section.kind === 'question' && this.questionStates) {
      const state = this.questionStates.stateOf(questionIdOf(note.id, section.id));
      item.description = questionStateLabel(state);
      item.iconPath = new vscode.ThemeIcon(questionStateIcons[state]);
    }
    item.command = { command: commands.openNote, title: this.openNoteTitle, arguments: [note.id, section.id] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TopicsTreeNode): vscode.TreeItem {
    if (node.kind === 'topic') {
      item.tooltip ??= plainUiText(node.note.summary ?? excerpt(node.note.intro, 160));
    } else if (node.kind === 'section' && node.section.kind === 'question') {
      // The whole question (the row truncates it) and its state; never the start of the answer.
      const states = this.questionStates;
      item.tooltip = states ? `${plainUiText(node.section.title)}\n${questionStateMeaning(states, questionIdOf(node.note.id, node.section.id))}` : plainUiText(node.section.title);
    } else if (node.kind === 'section') {
      item.tooltip = plainUiText(excerpt(node.section.text, 160) || node.section.title);
    }
    return item;
  }

  private questionCountLabel(count: number): string {
    let label = this.questionCountLabels.get(count);
    if (label === undefined) {
      label = count === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', count);
      this.questionCountLabels.set(count, label);
    }
    return label;
  }

  /** The tree node for a place in a note, for "Reveal in Sidebar". */
  nodeFor(note: Note, sectionId: string | undefined, loaded?: LoadedNote): TopicsTreeNode {
    const section = sectionId ? note.sections.find((candidate) => candidate.id === sectionId) : undefined;
    return section ? { kind: 'section', note, section } : { kind: 'topic', note, loaded };
  }

  async getParent(node: TopicsTreeNode): Promise<TopicsTreeNode | undefined> {
    if (node.kind === 'group') {
      return undefined;
    }
    if (node.kind === 'problem') {
      return this.groupNode(node.problem.sourceId);
    }
    if (node.kind === 'topic') {
      const sourceId = node.loaded?.source.id ?? (await this.library.note(node.note.id, node.note.language))?.source.id;
      return sourceId ? this.groupNode(sourceId) : undefined;
    }
    const parent = node.section.parentId ? node.note.sections.find((section) => section.id === node.section.parentId) : undefined;
    if (parent) {
      return { kind: 'section', note: node.note, section: parent };
    }
    const loaded = await this.library.note(node.note.id, node.note.language);
    return { kind: 'topic', note: node.note, loaded };
  }

  private groupNode(sourceId: string): TopicsTreeNode | undefined {
    const group = this.groups.get(sourceId);
    return group ? { kind: 'group', source: group.source } : undefined;
  }
}

function groupItem(source: NoteSource): vscode.TreeItem {
  const item = new vscode.TreeItem(source.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `group:${source.id}`;
  item.iconPath = new vscode.ThemeIcon(source.isBundled ? 'library' : 'folder');
  item.tooltip = source.isBundled ? source.label : describeUri(source.root);
  item.contextValue = source.isBundled ? 'bundledGroup' : 'userGroup';
  return item;
}

/** A file of a user's folder that could not be shown: a warning naming the file and the problem. */
function problemItem(problem: NoteFileProblem): vscode.TreeItem {
  const fileName = problem.uri.path.split('/').pop() ?? problem.uri.path;
  const item = new vscode.TreeItem(plainUiText(fileName), vscode.TreeItemCollapsibleState.None);
  item.id = `problem:${problem.uri.toString()}:${problem.line ?? ''}:${problem.message}`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  const where = problem.line !== undefined ? vscode.l10n.t('{0}, line {1}: {2}', fileName, problem.line + 1, problem.message) : `${fileName}: ${problem.message}`;
  item.description = plainUiText(problem.message);
  item.tooltip = plainUiText(where);
  item.contextValue = 'noteProblem';
  const position = new vscode.Position(problem.line ?? 0, 0);
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open File'), arguments: [problem.uri, { selection: new vscode.Range(position, position) }] };
  return item;
}

/** A topic item of a grouped tree: its id names the source, and a replaced note opens as itself. */
function withSource(item: vscode.TreeItem, loaded: LoadedNote, shadowed: boolean): vscode.TreeItem {
  if (!loaded.source.isBundled) {
    item.contextValue = 'userTopic';
  }
  if (shadowed) {
    // Its sections are the shown note's: listing them twice would repeat their ids.
    item.id = `topic:${loaded.source.id}:${loaded.note.id}`;
    item.collapsibleState = vscode.TreeItemCollapsibleState.None;
    item.description = vscode.l10n.t('customized');
    item.tooltip = vscode.l10n.t('Your copy of this note is shown instead. This is the original.');
    item.contextValue = loaded.source.isBundled ? 'customizedTopic' : 'userTopic';
    item.command = { command: commands.openNote, title: vscode.l10n.t('Open Note'), arguments: [loaded.note.id, undefined, loaded.source.id] };
  }
  return item;
}

const questionStateIcons = { new: 'question', learning: 'sync', review: 'history', due: 'bell-dot', mastered: 'pass-filled' } as const;
