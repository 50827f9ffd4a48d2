import { assert } from 'chai';
import * as vscode from 'vscode';
import { isNoteNode, type TopicsTreeNode } from '../../src/host/topicsTree';
import { closeAllEditors, extensionApi, waitFor, workspaceFile } from './helpers';
import { stubWindow } from './windowStubs';

// Workspace-relative folders, so the same tests run in the Node and the web worker host.
const settingFolder = 'my-notes';
const workspaceNotes = '.interview-notes';

function note(id: string, title: string, body = 'Intro.\n\n## Questions {#questions}\n\n### Why? {#q-why}\n\nBecause.\n'): string {
  return `---\nid: ${id}\ntitle: ${title}\ntags: [mine]\nicon: note\norder: 500\n---\n\n${body}`;
}

async function write(path: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(path);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function remove(path: string): Promise<void> {
  const uri = workspaceFile(path);
  if (await exists(uri)) {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  }
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('interviewNotes').update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(`the setting ${key}`, () => JSON.stringify(vscode.workspace.getConfiguration('interviewNotes').get(key)) === JSON.stringify(value ?? vscode.workspace.getConfiguration('interviewNotes').inspect(key)?.defaultValue));
}

/** The root's groups by label, each with its children's labels. */
async function treeByGroup(): Promise<Map<string, { node: TopicsTreeNode; children: TopicsTreeNode[] }>> {
  const { tree } = await extensionApi();
  const groups = new Map<string, { node: TopicsTreeNode; children: TopicsTreeNode[] }>();
  for (const node of await tree.getChildren()) {
    if (node.kind === 'group') {
      groups.set(String(tree.getTreeItem(node).label), { node, children: await tree.getChildren(node) });
    }
  }
  return groups;
}

function labels(nodes: readonly TopicsTreeNode[], tree: { getTreeItem(node: TopicsTreeNode): vscode.TreeItem }): string[] {
  return nodes.map((node) => String(tree.getTreeItem(node).label));
}

describe('your own notes', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await closeAllEditors();
    await setSetting('notesFolders', undefined);
    await setSetting('maxNoteSizeMB', undefined);
    await remove(settingFolder);
    await remove(workspaceNotes);
    const { tree } = await extensionApi();
    // Back to the bundled topics at the root, for whatever runs next.
    await waitFor('the tree without user groups', async () => (await tree.getChildren()).every(isNoteNode));
  });

  it('reads the folders of interviewNotes.notesFolders and groups the tree by source', async () => {
    const { tree, library } = await extensionApi();
    await write(`${settingFolder}/kafka.md`, note('kafka', 'Kafka basics', 'Partitions and consumer groups.\n\n## Questions {#questions}\n\n### What is a consumer group? {#q-group}\n\nA set of consumers sharing partitions.\n'));
    assert.isTrue((await tree.getChildren()).every(isNoteNode), 'only bundled notes: topics at the root');
    await setSetting('notesFolders', [settingFolder]);
    const groups = await waitFor('a group for my-notes', async () => {
      const found = await treeByGroup();
      return found.has(settingFolder) ? found : undefined;
    });
    assert.deepEqual([...groups.keys()], ['Bundled', settingFolder]);
    const mine = groups.get(settingFolder)!;
    assert.deepEqual(labels(mine.children, tree), ['Kafka basics']);
    assert.match(String(tree.getTreeItem(mine.node).tooltip), /my-notes$/);
    assert.include(labels(groups.get('Bundled')!.children, tree), 'Docker & Docker Compose');
    const kafka = mine.children[0];
    assert.equal(tree.getTreeItem(kafka).contextValue, 'userTopic');
    assert.equal((await tree.getParent(kafka))?.kind, 'group');
    assert.ok((await library.searchIndex()).search('consumer group').some((hit) => hit.noteId === 'kafka'), 'the new note is searchable');
    // A tag filter hides the groups it leaves empty.
    await vscode.commands.executeCommand('interviewNotes.filterByTag', 'mine');
    try {
      assert.deepEqual([...(await treeByGroup()).keys()], [settingFolder]);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.clearFilter');
    }
    assert.deepEqual([...(await treeByGroup()).keys()], ['Bundled', settingFolder]);
  });

  it('tells about a folder of the setting that does not exist, and keeps the other notes', async () => {
    const { library } = await extensionApi();
    await setSetting('notesFolders', ['nowhere', settingFolder]);
    await write(`${settingFolder}/kafka.md`, note('kafka', 'Kafka basics'));
    await vscode.commands.executeCommand('interviewNotes.refresh');
    const missing = await waitFor('the missing folder', async () => ((await library.missingFolders()).length > 0 ? library.missingFolders() : undefined));
    assert.deepEqual(missing.map((uri) => uri.path), [workspaceFile('nowhere').path]);
    const groups = await treeByGroup();
    assert.deepEqual([...groups.keys()], ['Bundled', settingFolder]);
    assert.ok((await library.note('docker'))?.source.isBundled);
  });

  it('follows files being added, changed, renamed and deleted: tree, search and reader', async () => {
    const { tree, library, reader } = await extensionApi();
    await setSetting('notesFolders', [settingFolder]);
    const file = await write(`${settingFolder}/kafka.md`, note('kafka', 'Kafka basics'));
    await waitFor('the new note in the tree', async () => labels((await treeByGroup()).get(settingFolder)?.children ?? [], tree).includes('Kafka basics'));

    await vscode.commands.executeCommand('interviewNotes.openNote', 'kafka');
    assert.include(reader.html, 'Kafka basics');
    await write(`${settingFolder}/kafka.md`, note('kafka', 'Kafka in depth', 'Log compaction keeps the latest value per key.\n'));
    await waitFor('the reader showing the edit', () => reader.html.includes('Kafka in depth'));
    await waitFor('the tree showing the edit', async () => labels((await treeByGroup()).get(settingFolder)?.children ?? [], tree).includes('Kafka in depth'));
    assert.ok((await library.searchIndex()).search('compaction').some((hit) => hit.noteId === 'kafka'), 'its changed text is searchable');

    await vscode.workspace.fs.rename(file, workspaceFile(`${settingFolder}/streams.md`));
    let seen: string[] = [];
    const afterRename = await waitFor('the renamed file in the tree', async () => {
      const children = (await treeByGroup()).get(settingFolder)?.children ?? [];
      seen = labels(children, tree);
      // The id in the file no longer matches its name: a warning naming the file, no topic.
      return children.some((node) => node.kind === 'problem') && !children.some(isNoteNode) ? children : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; the group shows: ${seen.join(', ')}`);
    });
    const problem = tree.getTreeItem(afterRename.find((node) => node.kind === 'problem')!);
    assert.equal(problem.label, 'streams.md');
    assert.equal((problem.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.isUndefined(await library.note('kafka'));
    assert.isEmpty((await library.searchIndex()).search('compaction').filter((hit) => hit.noteId === 'kafka'));

    await vscode.workspace.fs.delete(workspaceFile(`${settingFolder}/streams.md`));
    await waitFor('the group gone with its last file', async () => (await tree.getChildren()).every(isNoteNode));
  });

  it('shows a broken note as a warning naming the file and the problem, and keeps the others', async () => {
    const { tree } = await extensionApi();
    await write(`${workspaceNotes}/good.md`, note('good', 'A good note'));
    await write(`${workspaceNotes}/broken.md`, 'no front matter here\n');
    await vscode.commands.executeCommand('interviewNotes.refresh');
    const children = await waitFor('the workspace group', async () => [...(await treeByGroup()).entries()].find(([label]) => label.startsWith('Workspace:'))?.[1].children);
    assert.deepEqual(labels(children.filter(isNoteNode), tree), ['A good note']);
    const problem = children.find((node) => node.kind === 'problem');
    assert.ok(problem, 'a problem item');
    const item = tree.getTreeItem(problem);
    assert.equal(item.label, 'broken.md');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(item.tooltip), /broken\.md, line 1: missing front matter/);
    assert.equal(item.command?.command, 'vscode.open');
    assert.equal((item.command?.arguments?.[0] as vscode.Uri).path, workspaceFile(`${workspaceNotes}/broken.md`).path);
  });

  it('skips files above interviewNotes.maxNoteSizeMB, with a warning', async () => {
    const { tree, library } = await extensionApi();
    await setSetting('maxNoteSizeMB', 0.01);
    await write(`${workspaceNotes}/big.md`, note('big', 'Big note', `${'A long line of text. '.repeat(1000)}\n`));
    await write(`${workspaceNotes}/small.md`, note('small', 'Small note'));
    await vscode.commands.executeCommand('interviewNotes.refresh');
    const children = await waitFor('the workspace group', async () => [...(await treeByGroup()).entries()].find(([label]) => label.startsWith('Workspace:'))?.[1].children);
    assert.deepEqual(labels(children.filter(isNoteNode), tree), ['Small note']);
    assert.match(String(tree.getTreeItem(children.find((node) => node.kind === 'problem')!).tooltip), /big\.md: skipped: the file is larger than 0\.01 MB/);
    await setSetting('maxNoteSizeMB', undefined);
    await waitFor('the big note once the limit is back to 2 MB', async () => (await library.note('big'))?.note.title === 'Big note');
  });

  it('New Note writes the template, opens it, and never overwrites a file', async () => {
    const { library, userNotes } = await extensionApi();
    const folder = workspaceFile(workspaceNotes);
    const existing = await write(`${workspaceNotes}/kafka-basics.md`, 'my own words, not a note\n');
    const created = await vscode.commands.executeCommand<vscode.Uri>('interviewNotes.newNote', { title: 'Kafka Basics', folder, language: 'en' });
    assert.equal(created?.path.split('/').pop(), 'kafka-basics-2.md');
    assert.equal(await read(existing), 'my own words, not a note\n');
    const text = await read(created);
    assert.match(text, /^---\nid: kafka-basics-2\ntitle: "Kafka Basics"\n/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.path, created.path);
    const loaded = await waitFor('the new note in the library', () => library.note('kafka-basics-2'));
    assert.equal(loaded.note.title, 'Kafka Basics');
    assert.isFalse(loaded.source.isBundled);
    // A bundled id is not taken over by a new note: it gets a number.
    const docker = await userNotes.newNote({ title: 'Docker', folder, language: 'zh-cn' });
    assert.equal(docker?.path.split('/').pop(), 'docker-2.zh-cn.md');
    assert.match(await read(docker!), /## 面试题 \{#questions\}/);
  });

  it('Copy to My Notes copies a bundled note, shows the copy instead, keeps the original, and never overwrites', async () => {
    const { library, tree, reader } = await extensionApi();
    const folder = workspaceFile(workspaceNotes);
    const copies = await vscode.commands.executeCommand<vscode.Uri[]>('interviewNotes.customizeNote', { noteId: 'redis', folder });
    assert.deepEqual(copies?.map((uri) => uri.path.split('/').pop()).sort(), ['redis.md', 'redis.zh-cn.md']);
    const mine = await waitFor('the copy in the library', async () => {
      const loaded = await library.note('redis', 'en');
      return loaded && !loaded.source.isBundled ? loaded : undefined;
    });
    assert.equal(mine.file.uri.path, workspaceFile(`${workspaceNotes}/redis.md`).path);
    assert.isTrue((await library.note('redis', 'en', 'bundled'))?.source.isBundled, 'the bundled original stays reachable');

    const groups = await treeByGroup();
    const original = groups.get('Bundled')!.children.find((node) => isNoteNode(node) && node.note.id === 'redis')!;
    const originalItem = tree.getTreeItem(original);
    assert.equal(originalItem.description, 'customized');
    assert.deepEqual(originalItem.command?.arguments, ['redis', undefined, 'bundled']);
    const workspaceGroup = [...groups.entries()].find(([label]) => label.startsWith('Workspace:'))![1];
    const copy = workspaceGroup.children.find((node) => isNoteNode(node) && node.note.id === 'redis')!;
    assert.equal(tree.getTreeItem(copy).contextValue, 'userTopic');

    // Edit opens the copy's Markdown; the reader follows changes to it.
    await vscode.commands.executeCommand('interviewNotes.openNote', 'redis', undefined, undefined);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('interviewNotes.editNote', copy);
    assert.equal(editor?.document.uri.path, mine.file.uri.path);
    const edited = (await read(mine.file.uri)).replace(/^title: .*$/m, 'title: My Redis');
    await vscode.workspace.fs.writeFile(mine.file.uri, new TextEncoder().encode(edited));
    await waitFor('the reader showing the edited copy', () => reader.html.includes('My Redis'));

    // The bundled original opens as itself.
    await vscode.commands.executeCommand('interviewNotes.openNote', 'redis', undefined, 'bundled');
    assert.notInclude(reader.html, 'My Redis');

    const again = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('interviewNotes.customizeNote', { noteId: 'redis', folder });
    assert.isUndefined(again, 'refused: the copy is already there');
    assert.equal(await read(mine.file.uri), edited);
  });

  it('Copy to My Notes says where it copied, and its Open button opens the copy', async () => {
    const folder = workspaceFile(workspaceNotes);
    await closeAllEditors();
    const window = stubWindow({ notification: (message, items) => (message.startsWith('Copied') ? items.find((item) => item === 'Open') : undefined) });
    try {
      const copies = await vscode.commands.executeCommand<vscode.Uri[]>('interviewNotes.customizeNote', { noteId: 'docker', folder });
      assert.lengthOf(copies ?? [], 2);
      const message = await waitFor('a notification that says where the copy went', () => window.messages.find((shown) => shown.startsWith('Copied')));
      assert.include(message, 'Docker & Docker Compose');
      assert.include(message, folder.scheme === 'file' ? folder.fsPath : folder.toString(true));
      const copy = workspaceFile(`${workspaceNotes}/docker.md`);
      await waitFor('the copy open after Open', () => vscode.window.activeTextEditor?.document.uri.path === copy.path);
    } finally {
      window.dispose();
    }
  });

  it('Copy to My Notes asks where to copy with a titled, numbered step', async () => {
    const window = stubWindow({ quickPick: () => undefined });
    try {
      const copies = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('interviewNotes.customizeNote', { noteId: 'docker' });
      assert.isUndefined(copies, 'cancelled at the folder');
      assert.equal(window.quickPicks[0]?.title, 'Copy to My Notes (1/2)');
    } finally {
      window.dispose();
    }
  });
});
