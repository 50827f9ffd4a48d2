import { assert } from 'chai';
import * as vscode from 'vscode';
import { questionsOf } from '../../src/core/notes/note';
import { readAnkiFile as readAnkiText } from '../support/ankiFile';
import { extensionApi, workspaceFile } from './helpers';

/** The file as Anki reads it; a well-formed file ends with a line break. */
function readAnkiFile(text: string) {
  const file = readAnkiText(text);
  assert.equal(file.unterminated, '', 'the file ends with a line break');
  return file;
}

async function exported(options: { topics: string[]; languages: 'display' | 'both' }, name: string) {
  const target = workspaceFile(name);
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('interviewNotes.exportAnki', { ...options, target });
  assert.ok(uri, 'the export wrote a file');
  assert.equal(uri.toString(), target.toString());
  const file = readAnkiFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  await vscode.workspace.fs.delete(uri);
  return file;
}

describe('Anki export', () => {
  it('writes a file Anki 2.1.55+ reads: its headers, one row per question in its topic\'s deck, answers as plain HTML', async () => {
    const api = await extensionApi();
    const topics = ['redis', 'docker'];
    const notes = await Promise.all(topics.map(async (id) => (await api.library.note(id))!.note));
    const file = await exported({ topics, languages: 'display' }, 'anki-display.txt');
    assert.deepEqual([...file.headers.keys()], ['separator', 'html', 'notetype', 'columns', 'guid column', 'deck column', 'tags column']);
    assert.equal(file.headers.get('separator'), 'tab');
    assert.equal(file.headers.get('html'), 'true');
    assert.equal(file.headers.get('notetype'), 'Basic');
    assert.equal(file.headers.get('guid column'), '1');
    assert.equal(file.headers.get('deck column'), '2');
    assert.equal(file.headers.get('tags column'), '5');

    const expected = new Map<string, { note: (typeof notes)[number]; question: ReturnType<typeof questionsOf>[number] }>(notes.flatMap((note) => questionsOf(note).map((question) => [`interview-notes:${note.language}:${note.id}#${question.id}`, { note, question }] as const)));
    assert.equal(file.rows.length, expected.size, 'one row per question');
    assert.deepEqual(new Set(file.rows.map((row) => row[0])), new Set(expected.keys()), 'each question once, by its GUID');
    for (const row of file.rows) {
      const { note } = expected.get(row[0])!;
      assert.lengthOf(row, 5);
      assert.equal(row[1], `Interview Notes::${note.title}`);
      assert.isNotEmpty(row[2], 'the question');
      assert.isNotEmpty(row[3], 'the model answer');
      assert.notMatch(row[3], /snippet:|class=|data-line|hljs/, `${row[0]}: no link of ours, no highlight class`);
      assert.notMatch(row[3], /href="(?!https?:)/, `${row[0]}: only web links`);
      assert.include(row[4].split(' '), note.id, 'tagged with the topic');
      assert.notInclude(row[4], '\t');
    }
  });

  it('exports both languages with one GUID per language', async () => {
    const api = await extensionApi();
    const english = (await api.library.note('redis', 'en'))!.note;
    const chinese = (await api.library.note('redis', 'zh-cn'))!.note;
    const file = await exported({ topics: ['redis'], languages: 'both' }, 'anki-both.txt');
    assert.equal(file.rows.length, questionsOf(english).length + questionsOf(chinese).length);
    assert.equal(new Set(file.rows.map((row) => row[0])).size, file.rows.length, 'no GUID twice');
    assert.ok(file.rows.some((row) => row[0].startsWith('interview-notes:zh-cn:redis#')));
    assert.ok(file.rows.some((row) => row[0].startsWith('interview-notes:en:redis#')));
  });
});
