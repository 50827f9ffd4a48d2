import { assert } from 'chai';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/core/util/logger';
import { NoteLibrary } from '../../src/host/noteLibrary';
import { UserFolderNoteSource } from '../../src/host/noteSources';
import { isNoteNode, TopicsTreeProvider } from '../../src/host/topicsTree';
import { workspaceFile } from './helpers';

const noteCount = 10_000;

function generatedNote(n: number): string {
  const sections = Array.from({ length: 4 }, (_, s) => `## Part ${s} of note ${n} {#part-${s}}\n\nGenerated text for note ${n}, part ${s}: caching, indexing and replication.\n`);
  return `---\nid: bulk-${n}\ntitle: Bulk note ${n}\ntags: [bulk]\norder: ${n}\n---\n\nMarker word zq${n}x.\n\n${sections.join('\n')}\n### Why does note ${n} exist? {#why}\n\nTo load ten thousand notes.\n`;
}

/** The longest the extension host went without running a 10 ms timer, while `work` ran. */
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
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
}

describe('a note source with 10,000 notes', function () {
  this.timeout(600_000);
  const root = workspaceFile('large-library');
  let library: NoteLibrary;
  let tree: TopicsTreeProvider;

  before(async () => {
    await vscode.workspace.fs.createDirectory(root);
    const encoder = new TextEncoder();
    // In batches: the web worker host writes through the workbench, one request per file.
    for (let start = 0; start < noteCount; start += 250) {
      await Promise.all(
        Array.from({ length: Math.min(250, noteCount - start) }, (_, i) =>
          vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, `bulk-${start + i}.md`), encoder.encode(generatedNote(start + i))),
        ),
      );
    }
    library = new NoteLibrary(() => [new UserFolderNoteSource('bulk', 'Bulk', root)], silentLogger);
    tree = new TopicsTreeProvider(library);
  });

  after(async () => {
    tree?.dispose();
    library?.dispose();
    await vscode.workspace.fs.delete(root, { recursive: true });
  });

  it('lists every topic and expands one, with the extension host never stalled for a second', async () => {
    // A user folder alone: the root is its group, and the topics are under it.
    const { result: topics, stallMs } = await longestStallMs(async () => {
      const [group] = await tree.getChildren();
      return (await tree.getChildren(group)).filter(isNoteNode);
    });
    assert.lengthOf(topics, noteCount);
    const topic = topics.find((node) => node.note.id === 'bulk-9876');
    assert.ok(topic, 'bulk-9876 is listed');
    assert.equal(tree.getTreeItem(topic).label, 'Bulk note 9876');
    const sections = await tree.getChildren(topic);
    assert.deepEqual(sections.map((node) => tree.getTreeItem(node).id), [0, 1, 2, 3].map((s) => `section:bulk-9876#part-${s}`));
    assert.isBelow(stallMs, 1000, `longest stall while loading ${noteCount} notes: ${Math.round(stallMs)} ms`);
  });

  it('indexes them for search in slices, and finds the one note with a rare word', async () => {
    const { result: index, stallMs } = await longestStallMs(() => library.searchIndex());
    const [first] = index.search('zq9876x');
    assert.equal(first?.noteId, 'bulk-9876');
    assert.isBelow(stallMs, 1000, `longest stall while indexing ${noteCount} notes: ${Math.round(stallMs)} ms`);
  });
});
