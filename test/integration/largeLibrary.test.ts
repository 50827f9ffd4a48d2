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

/**
 * The least number of setTimeout(0) turns a bystander must get while the library reads or
 * indexes the 10,000 notes. The library pauses after every slice of work (15 ms), which gives
 * a turn per slice: 15 to 20 for indexing them in plain Node on a 2-core EPYC (300 ms), 10 or
 * more in both extension hosts there, more on slower machines; work done in one go gives none. Counted, not timed: how
 * long the host went at most without a turn depends on the machine, and is a bench figure
 * (library.stall.10k.ms in `npm run bench`).
 */
const minimumTurns = 3;

/** How many setTimeout(0) turns the extension host gave a bystander while `work` ran. */
async function turnsWhile<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const bystander = (async () => {
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      turns++;
    }
  })();
  try {
    const result = await work();
    return { result, turns };
  } finally {
    done = true;
    await bystander;
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

  it('lists every topic and expands one, giving the extension host back while it reads them', async () => {
    // A user folder alone: the root is its group, and the topics are under it.
    const { result: topics, turns } = await turnsWhile(async () => {
      const [group] = await tree.getChildren();
      return (await tree.getChildren(group)).filter(isNoteNode);
    });
    assert.lengthOf(topics, noteCount);
    const topic = topics.find((node) => node.note.id === 'bulk-9876');
    assert.ok(topic, 'bulk-9876 is listed');
    assert.equal(tree.getTreeItem(topic).label, 'Bulk note 9876');
    const sections = await tree.getChildren(topic);
    assert.deepEqual(sections.map((node) => tree.getTreeItem(node).id), [0, 1, 2, 3].map((s) => `section:bulk-9876#part-${s}`));
    assert.isAtLeast(turns, minimumTurns, `setTimeout(0) turns the host gave others while loading ${noteCount} notes`);
  });

  it('indexes them for search in slices, and finds the one note with a rare word', async () => {
    const { result: index, turns } = await turnsWhile(() => library.searchIndex());
    const [first] = index.search('zq9876x');
    assert.equal(first?.noteId, 'bulk-9876');
    assert.isAtLeast(turns, minimumTurns, `setTimeout(0) turns the host gave others while indexing ${noteCount} notes`);
  });
});
