import { assert } from 'chai';
import * as vscode from 'vscode';
import { isNoteNode } from '../../src/host/topicsTree';
import { toSearchItems } from '../../src/host/searchPicker';
import { closeAllEditors, extensionApi, waitFor } from './helpers';

// Headings are Markdown; where they are labels (tree, contents, picker) they read as words.
describe('labels made from headings', () => {
  afterEach(closeAllEditors);

  it('shows `kubectl apply` without its backticks in the tree, the reader\'s contents and the search picker', async () => {
    const { tree, reader, library } = await extensionApi();
    const kubernetes = (await tree.getChildren()).filter(isNoteNode).find((node) => node.note.id === 'kubernetes');
    assert.ok(kubernetes, 'the Kubernetes topic');
    const section = kubernetes.note.sections.find((candidate) => candidate.id === 'kubectl-apply');
    assert.ok(section, 'its kubectl apply section');
    assert.include(section.title, '`', 'the heading holds Markdown');

    assert.equal(tree.getTreeItem(tree.nodeFor(kubernetes.note, 'kubectl-apply')).label, 'What happens on kubectl apply');

    await vscode.commands.executeCommand('interviewNotes.openNote', 'kubernetes', 'kubectl-apply');
    const outline = await waitFor('the reader with its contents', () => /<a href="#kubectl-apply">([^<]*)<\/a>/.exec(reader.html)?.[1]);
    assert.equal(outline, 'What happens on kubectl apply');

    const hits = (await library.searchIndex()).search('kubectl apply', 10, 'en');
    const item = toSearchItems(hits).find((candidate) => candidate.hit?.sectionId === 'kubectl-apply');
    assert.equal(item?.label, 'What happens on kubectl apply');
  });
});
