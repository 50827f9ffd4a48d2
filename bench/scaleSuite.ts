// Runs inside the Node extension host, in a workspace whose `.interview-notes/` holds
// 10,000 generated notes. With our extension: loads and indexes them through the real
// library, times the tree, and reads the host's heap. With the empty baseline extension:
// reads the host's heap only. Writes the figures to the workspace for `npm run bench`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../src/host/extension';
import { isNoteNode, type TopicsTreeNode } from '../src/host/topicsTree';

const ours = 'interview-notes.interview-notes';
const baseline = 'interview-notes.empty-baseline';

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) {
    gc();
  }
}

function heapMB(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Times `expand` several times after a warm-up, alternating with `baselineExpand`. */
async function compareMs(expand: () => Promise<number>, baselineExpand: () => Promise<number>, repeats = 7): Promise<{ ms: number; baselineMs: number; items: number }> {
  const items = await expand();
  await baselineExpand();
  const times: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let started = performance.now();
    await expand();
    times.push(performance.now() - started);
    started = performance.now();
    await baselineExpand();
    baselineTimes.push(performance.now() - started);
  }
  return { ms: median(times), baselineMs: median(baselineTimes), items };
}

/** A tree provider over a plain array of the same shape: what the tree costs with no notes behind it. */
function plainTree(topicCount: number, sectionsPerTopic: number): vscode.TreeDataProvider<{ label: string; children?: number }> {
  const topics = Array.from({ length: topicCount }, (_, n) => ({ label: `Topic ${n}`, children: sectionsPerTopic }));
  return {
    getChildren: (node) => (node ? Array.from({ length: node.children ?? 0 }, (_, n) => ({ label: `${node.label} ${n}` })) : topics),
    getTreeItem: (node) => {
      const item = new vscode.TreeItem(node.label, node.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = node.label;
      item.description = `${node.children ?? 0} sections`;
      item.iconPath = new vscode.ThemeIcon('book');
      return item;
    },
  };
}

async function ourFigures(api: InterviewNotesApi): Promise<Record<string, number>> {
  const heapBeforeMB = heapMB();
  let started = performance.now();
  const roots = await api.tree.getChildren();
  const loadMs = performance.now() - started;
  // With notes in the workspace's folder the root shows one group per source: the
  // workspace's group is the one that holds the 10,000.
  const groupChildren = await Promise.all(roots.map((node) => (node.kind === 'group' ? api.tree.getChildren(node) : Promise.resolve([] as TopicsTreeNode[]))));
  const largest = groupChildren.reduce((most, children, position) => (children.length > groupChildren[most].length ? position : most), 0);
  const group = roots[largest];
  const topics = groupChildren[largest].filter(isNoteNode);
  started = performance.now();
  await api.library.searchIndex();
  const indexMs = performance.now() - started;
  const heapLoadedMB = heapMB();

  // The group's level and one topic, as VS Code asks for them: children, then each item.
  const topic = topics[Math.floor(topics.length / 2)];
  const expandOurs = async () => {
    const level = await api.tree.getChildren(group);
    level.forEach((node) => api.tree.getTreeItem(node));
    const sections = await api.tree.getChildren(topic);
    sections.forEach((node) => api.tree.getTreeItem(node));
    return level.length;
  };
  const plain = plainTree(topics.length, (await api.tree.getChildren(topic)).length);
  const expandPlain = async () => {
    const roots = (await plain.getChildren()) ?? [];
    roots.forEach((node) => plain.getTreeItem(node));
    const sections = (await plain.getChildren(roots[Math.floor(roots.length / 2)])) ?? [];
    sections.forEach((node) => plain.getTreeItem(node));
    return roots.length;
  };
  const tree = await compareMs(expandOurs, expandPlain);
  return { topics: tree.items, loadMs, indexMs, treeExpandMs: tree.ms, treeExpandBaselineMs: tree.baselineMs, heapBeforeMB, heapLoadedMB };
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('no workspace folder');
  }
  let figures: Record<string, number>;
  const extension = vscode.extensions.getExtension<InterviewNotesApi>(ours);
  if (extension) {
    figures = await ourFigures(await extension.activate());
  } else {
    const empty = vscode.extensions.getExtension(baseline);
    if (!empty) {
      throw new Error(`neither ${ours} nor ${baseline} is loaded`);
    }
    await empty.activate();
    figures = { heapLoadedMB: heapMB() };
  }
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '.bench-results.json'), new TextEncoder().encode(JSON.stringify(figures)));
}
