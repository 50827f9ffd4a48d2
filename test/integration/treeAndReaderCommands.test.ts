import { assert } from 'chai';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/core/util/logger';
import { parseNote } from '../../src/core/notes/noteParser';
import { EditorTracker } from '../../src/host/editorTracker';
import { Reader } from '../../src/host/reader';
import { isNoteNode, type TopicsTreeNode } from '../../src/host/topicsTree';
import { closeAllEditors, extensionApi, extensionId, waitFor, workspaceFile } from './helpers';

async function redisNode(section?: string): Promise<TopicsTreeNode> {
  const { tree } = await extensionApi();
  const topic = (await tree.getChildren()).filter(isNoteNode).find((node) => node.note.id === 'redis');
  assert.ok(topic);
  return section ? tree.nodeFor(topic.note, section) : topic;
}

describe('sidebar commands', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('interviewNotes.clearFilter');
    await closeAllEditors();
  });

  it('filters the topics by tag and clears the filter', async () => {
    const { tree } = await extensionApi();
    const all = (await tree.getChildren()).filter(isNoteNode);
    const tag = all.find((node) => node.note.id === 'redis')!.note.tags[0];
    assert.equal(await vscode.commands.executeCommand('interviewNotes.filterByTag', tag), tag);
    const filtered = (await tree.getChildren()).filter(isNoteNode);
    assert.isBelow(filtered.length, all.length);
    assert.isTrue(filtered.every((node) => node.note.tags.includes(tag)));
    await vscode.commands.executeCommand('interviewNotes.clearFilter');
    assert.lengthOf(await tree.getChildren(), all.length);
  });

  it('opens the Markdown source at the heading of the section', async () => {
    const node = await redisNode('persistence');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('interviewNotes.openSource', node);
    assert.match(editor.document.uri.path, /^\/(en|zh-cn)\/redis\.md$/);
    assert.include(editor.document.lineAt(editor.selection.active.line).text, '{#persistence}');
    // A bundled note opens read-only: an update would replace edits to the extension's own file.
    assert.equal(editor.document.uri.scheme, 'interview-notes-bundled');
    assert.isFalse(vscode.workspace.fs.isWritableFileSystem('interview-notes-bundled'));
    const written = await Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('x'))).then(() => true, () => false);
    assert.isFalse(written, 'writing is refused');
  });

  it('copies a link to the section that works inside notes', async () => {
    const link = await vscode.commands.executeCommand<string>('interviewNotes.copyLink', await redisNode('persistence'));
    assert.equal(link, 'redis.md#persistence');
    assert.equal(await vscode.env.clipboard.readText(), 'redis.md#persistence');
  });

  it('opens an item to the side, and reveals the reader\'s section in the sidebar', async () => {
    const { reader } = await extensionApi();
    await vscode.commands.executeCommand('interviewNotes.openToSide', await redisNode('persistence'));
    assert.equal(reader.location?.sectionId, 'persistence');
    const revealed = await vscode.commands.executeCommand<TopicsTreeNode>('interviewNotes.revealInSidebar');
    assert.equal(revealed?.kind === 'section' ? revealed.section.id : undefined, 'persistence');
  });
});

describe('reader actions', () => {
  afterEach(closeAllEditors);

  it('inserts code at the cursor of the last editor as one undoable edit', async () => {
    const { reader } = await extensionApi();
    const document = await vscode.workspace.openTextDocument(workspaceFile('app.py'));
    const editor = await vscode.window.showTextDocument(document);
    const before = document.getText();
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('interviewNotes.openNote', 'python', 'singleton-decorator');
    await reader.handleMessage({ type: 'insertCode', code: 'print("from the reader")\nprint("second line")\n' });
    await waitFor('the inserted code', () => document.getText().includes('print("second line")'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo to remove it all', () => document.getText() === before);
  });

  it('opens https links outside, follows note links inside, and refuses the rest', async () => {
    const { library } = await extensionApi();
    const opened: string[] = [];
    const extension = vscode.extensions.getExtension(extensionId)!;
    const editors = new EditorTracker();
    const reader = new Reader({
      extensionUri: extension.extensionUri,
      library,
      editors,
      logger: silentLogger,
      openExternal: async (uri) => {
        opened.push(uri.toString(true));
        return true;
      },
    });
    try {
      await reader.show({ noteId: 'docker' });
      assert.equal(await reader.openLink('https://nginx.org/en/docs/'), 'external');
      assert.deepEqual(opened, ['https://nginx.org/en/docs/']);
      assert.equal(await reader.openLink('redis.md#persistence'), 'note');
      assert.equal(reader.location?.noteId, 'redis');
      assert.equal(reader.location?.sectionId, 'persistence');
      for (const href of ['command:workbench.action.quit', 'javascript:alert(1)', 'file:///etc/passwd', '../../../etc/passwd.md', 'vscode://settings']) {
        assert.equal(await reader.openLink(href), 'refused', href);
      }
      assert.equal(await reader.openLink('nonexistent-topic.md'), 'refused');
      await reader.handleMessage({ type: 'openLink', href: 42 });
      await reader.handleMessage({ type: 'runCommand', command: 'workbench.action.quit' });
      assert.deepEqual(opened, ['https://nginx.org/en/docs/'], 'nothing else was opened');
    } finally {
      reader.dispose();
      editors.dispose();
    }
  });

  it('renders the outline, previous/next topics and marks questions', async () => {
    const { reader } = await extensionApi();
    await vscode.commands.executeCommand('interviewNotes.openNote', 'nginx');
    // The contents are folded in the toolbar: the note opens on its title.
    assert.match(reader.html, /<header class="reader-toolbar"[^>]*>.*<details class="outline" id="outline"><summary>/s);
    assert.match(reader.html, /<a class="previous-topic" href="kubernetes.md">/);
    assert.match(reader.html, /<a class="next-topic" href="database.md">/);
    assert.match(reader.html, /<h3 id="q-[a-z0-9-]+"[^>]*class="question"/);
    assert.match(reader.html, /<div class="answer" data-question="q-/);
  });
});

describe('progress in the Topics view', () => {
  it('says the notes are being read until they are, then clears the message', async () => {
    const api = await extensionApi();
    api.library.refresh();
    const reading = api.library.topics();
    assert.equal(api.topicsView.treeView.message, 'Reading the notes…');
    await reading;
    await waitFor('the message to clear', () => api.topicsView.treeView.message === undefined);
  });

  it('keeps the tag filter\'s message once the reading is done', async () => {
    const api = await extensionApi();
    await api.topicsView.filterByTag('cache');
    api.library.refresh();
    const reading = api.library.topics();
    assert.equal(api.topicsView.treeView.message, 'Reading the notes…');
    await reading;
    await waitFor('the filter message back', () => api.topicsView.treeView.message === 'Topics tagged #cache');
    await vscode.commands.executeCommand('interviewNotes.clearFilter');
    assert.equal(api.topicsView.treeView.message, undefined);
  });
});

describe('tree items that do not give answers away', () => {
  it('shows the whole question and what its state means as the tooltip, never the start of the answer', async () => {
    const { tree, library } = await extensionApi();
    const redis = (await library.note('redis', 'en'))!.note;
    const question = redis.sections.find((section) => section.kind === 'question')!;
    const node = tree.nodeFor(redis, question.id);
    const tooltip = String(tree.resolveTreeItem(tree.getTreeItem(node), node).tooltip);
    assert.include(tooltip, question.title);
    assert.match(tooltip, /^(New|Learning|Due|Mastered):/m);
    const answerStart = question.text.replace(/^#.*\n/, '').replace(/\s+/g, ' ').trim().slice(0, 40);
    assert.notInclude(tooltip, answerStart);
  });

  it('says "1 question", not "1 questions"', async () => {
    const { tree } = await extensionApi();
    const parsed = parseNote('---\ntitle: One\ntags: [test]\nicon: book\norder: 1\n---\n\n## Interview questions {#questions}\n\n### Why? {#q-why}\n\nBecause.\n\n**Follow-up:** Really? Yes.\n', { expectedId: 'one', language: 'en' });
    const item = tree.getTreeItem({ kind: 'topic', note: parsed.note! });
    assert.equal(item.description, '1 question');
  });
});
