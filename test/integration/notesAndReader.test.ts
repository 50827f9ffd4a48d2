import { assert } from 'chai';
import * as vscode from 'vscode';
import { isNoteNode } from '../../src/host/topicsTree';
import { acceptUntilSettled, closeAllEditors, extensionApi, waitFor } from './helpers';

describe('topics tree', () => {
  it('lists the bundled topics in order, with their sections under them', async () => {
    const { tree } = await extensionApi();
    const topics = (await tree.getChildren()).filter(isNoteNode);
    const ids = topics.map((node) => node.note.id);
    for (const id of ['docker', 'nginx', 'database', 'python', 'redis', 'rest']) {
      assert.include(ids, id);
    }
    assert.isBelow(ids.indexOf('docker'), ids.indexOf('nginx'), 'sorted by the notes\' order');
    const docker = topics.find((node) => node.note.id === 'docker')!;
    const item = tree.getTreeItem(docker);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(item.command?.arguments, ['docker']);
    const sections = await tree.getChildren(docker);
    assert.include(sections.map((node) => (node.kind === 'section' ? node.section.id : '')), 'questions');
    const questions = await tree.getChildren(sections.find((node) => node.kind === 'section' && node.section.id === 'questions'));
    assert.isAtLeast(questions.length, 20);
    const question = tree.getTreeItem(questions[0]);
    assert.equal((question.iconPath as vscode.ThemeIcon).id, 'question');
    // Tooltips are filled in when hovered: a question's is the whole question (never its answer), a topic's its summary.
    const tooltip = tree.resolveTreeItem(question, questions[0]).tooltip;
    assert.isString(tooltip);
    assert.include(tooltip as string, questions[0].kind === 'section' ? questions[0].section.title : '');
    assert.equal(tree.resolveTreeItem(item, docker).tooltip, docker.note.summary);
  });
});

function readerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('interviewNotes.reader'));
}

describe('reader', () => {
  afterEach(closeAllEditors);

  it('opens a note with interviewNotes.openNote and renders its headings', async () => {
    const { reader } = await extensionApi();
    await vscode.commands.executeCommand('interviewNotes.openNote', 'docker');
    assert.isTrue(reader.isOpen);
    assert.match(reader.html, /<h2 id="dockerfile"[^>]*>/);
    assert.match(reader.html, /<h2 id="questions"[^>]*>/);
    assert.match(reader.html, /Content-Security-Policy" content="default-src 'none';/);
    const tab = await waitFor('the reader tab', () => readerTabs()[0]);
    assert.include((tab.input as vscode.TabInputWebview).viewType, 'interviewNotes.reader');
  });

  it('opens at a section and reuses the one panel', async () => {
    const { reader } = await extensionApi();
    await vscode.commands.executeCommand('interviewNotes.openNote', 'redis', 'questions');
    await vscode.commands.executeCommand('interviewNotes.openNote', 'nginx');
    await waitFor('the reader tab', () => readerTabs()[0]);
    assert.lengthOf(readerTabs(), 1);
    assert.equal(reader.location?.noteId, 'nginx');
  });

  it('shows the note in the language the setting asks for', async () => {
    const { reader } = await extensionApi();
    const config = vscode.workspace.getConfiguration('interviewNotes');
    await config.update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the language setting', () => vscode.workspace.getConfiguration('interviewNotes').get('language') === 'zh-cn');
      await vscode.commands.executeCommand('interviewNotes.openNote', 'redis');
      assert.match(reader.html, /<html lang="zh-cn">/);
      assert.match(reader.html, /面试题/);
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows the open note again, at the same section, when the notes\' language or a font setting changes', async () => {
    const { reader } = await extensionApi();
    await vscode.commands.executeCommand('interviewNotes.openNote', 'redis', 'persistence');
    const sectionOnShow = () => /&quot;sectionId&quot;:&quot;persistence&quot;/.test(reader.html);
    try {
      await vscode.workspace.getConfiguration('markdown.preview').update('fontSize', 19, vscode.ConfigurationTarget.Global);
      await waitFor('the reader in the new font size', () => reader.html.includes('&quot;size&quot;:19'));
      assert.isTrue(sectionOnShow(), 'at the same section');
      await vscode.workspace.getConfiguration('interviewNotes').update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
      await waitFor('the reader in Chinese', () => /<html lang="zh-cn">/.test(reader.html));
      assert.isTrue(sectionOnShow(), 'at the same section');
      assert.equal(reader.location?.language, 'zh-cn');
    } finally {
      await vscode.workspace.getConfiguration('markdown.preview').update('fontSize', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('interviewNotes').update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('search', () => {
  afterEach(closeAllEditors);

  it('finds ENTRYPOINT in the Docker note', async () => {
    const { library } = await extensionApi();
    const hits = (await library.searchIndex()).search('ENTRYPOINT');
    assert.equal(hits[0]?.noteId, 'docker');
  });

  async function pickFirst(command: string, query: string): Promise<{ hit?: { noteId: string; sectionId?: string; language: string; terms: readonly string[] } } | undefined> {
    return acceptUntilSettled(vscode.commands.executeCommand<{ hit?: { noteId: string; sectionId?: string; language: string; terms: readonly string[] } } | undefined>(command, query));
  }

  it('opens the reader at the section picked in "Search Notes", with the matched words marked', async () => {
    const { reader } = await extensionApi();
    const result = await pickFirst('interviewNotes.search', 'ENTRYPOINT exec form');
    assert.equal(result?.hit?.noteId, 'docker');
    assert.equal(reader.location?.noteId, 'docker');
    assert.equal(reader.location?.sectionId, result?.hit?.sectionId);
    assert.include(reader.html, '&quot;highlight&quot;:[&quot;');
  });

  it('finds Chinese text and opens the section in Chinese', async () => {
    const { reader } = await extensionApi();
    const result = await pickFirst('interviewNotes.search', '缓存穿透');
    assert.equal(result?.hit?.noteId, 'redis');
    assert.equal(result?.hit?.language, 'zh-cn');
    assert.match(result?.hit?.sectionId ?? '', /penetration/);
    assert.match(reader.html, /<html lang="zh-cn">/);
  });

  it('offers recent searches when the box is empty, and runs one again when picked', async () => {
    const first = await pickFirst('interviewNotes.search', 'gap lock');
    assert.equal(first?.hit?.noteId, 'database');
    // The reader takes the focus when it has loaded, which would close a quick pick opened before.
    await Promise.race([(await extensionApi()).reader.rendered, new Promise((resolve) => setTimeout(resolve, 5000))]);
    // Enter on the empty box picks the latest recent search and runs it; Enter again opens its first result.
    const result = await acceptUntilSettled(vscode.commands.executeCommand<{ hit?: { noteId: string; sectionId?: string } } | undefined>('interviewNotes.search'));
    assert.equal(result?.hit?.sectionId, first?.hit?.sectionId);
  });
});
