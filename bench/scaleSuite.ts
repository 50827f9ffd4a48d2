// Runs inside the Node extension host, in a workspace whose `.interview-notes/` holds
// 10,000 generated notes. With our extension: loads and indexes them through the real
// library, times the tree, reads the host's heap, and how long at most the host went without
// running a timer meanwhile. With the empty baseline extension: reads the host's heap, and the
// same timer's longest gap while the host is idle. Writes the figures to the workspace for `npm run bench`.
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

/** The longest the host went without running a 10 ms interval timer while `work` ran (the gap, 10 ms included). */
async function longestStallMs<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
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
  const { result: roots, stallMs: loadStallMs } = await longestStallMs(() => api.tree.getChildren());
  const loadMs = performance.now() - started;
  // With notes in the workspace's folder the root shows one group per source: the
  // workspace's group is the one that holds the 10,000.
  const groupChildren = await Promise.all(roots.map((node) => (node.kind === 'group' ? api.tree.getChildren(node) : Promise.resolve([] as TopicsTreeNode[]))));
  const largest = groupChildren.reduce((most, children, position) => (children.length > groupChildren[most].length ? position : most), 0);
  const group = roots[largest];
  const topics = groupChildren[largest].filter(isNoteNode);
  started = performance.now();
  const { stallMs: indexStallMs } = await longestStallMs(() => api.library.searchIndex());
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
  return { topics: tree.items, loadMs, indexMs, stallMs: Math.max(loadStallMs, indexStallMs), treeExpandMs: tree.ms, treeExpandBaselineMs: tree.baselineMs, heapBeforeMB, heapLoadedMB };
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
    const idle = await longestStallMs(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    figures = { heapLoadedMB: heapMB(), stallMs: idle.stallMs };
  }
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '.bench-results.json'), new TextEncoder().encode(JSON.stringify(figures)));
}
