import { strict as assert } from 'node:assert';
import type { Note, NoteLanguage } from '../../src/core/notes/note';
import { noteKey, oneNotePerTopic, sortTopics, winnerOf } from '../../src/core/notes/noteSnapshot';

const note = (id: string, language: NoteLanguage, order = 1, title = id) => ({ note: { id, language, order, title } as Note, label: `${id}/${language}` });

describe('note library rules', () => {
  it('shows the note of the last source that has one: a user\'s copy replaces the bundled note', () => {
    const bundled = new Map([[noteKey('en', 'redis'), 'bundled'], [noteKey('en', 'docker'), 'bundled docker']]);
    const user = new Map([[noteKey('en', 'redis'), 'mine']]);
    const bySource = new Map([['bundled', bundled], ['user', user]]);
    assert.equal(winnerOf(['bundled', 'user'], bySource, 'en:redis'), 'mine');
    assert.equal(winnerOf(['bundled', 'user'], bySource, 'en:docker'), 'bundled docker', 'a note only one source has');
    assert.equal(winnerOf(['user', 'bundled'], bySource, 'en:redis'), 'bundled', 'order decides, not the source name');
    assert.equal(winnerOf(['bundled', 'user'], bySource, 'en:nginx'), undefined);
  });

  it('shows each topic once, in the asked language where it exists', () => {
    const picked = oneNotePerTopic([note('redis', 'en'), note('redis', 'zh-cn'), note('only-zh', 'zh-cn'), note('only-en', 'en')], 'zh-cn');
    assert.deepEqual(picked.map((loaded) => loaded.label).sort(), ['only-en/en', 'only-zh/zh-cn', 'redis/zh-cn']);
  });

  it('orders topics by their order, then by title', () => {
    const sorted = sortTopics([note('b', 'en', 20, 'Beta'), note('c', 'en', 10, 'Zulu'), note('a', 'en', 20, 'Alpha')]);
    assert.deepEqual(sorted.map((loaded) => loaded.note.id), ['c', 'a', 'b']);
  });
});
