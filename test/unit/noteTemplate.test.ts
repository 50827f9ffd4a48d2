import { strict as assert } from 'node:assert';
import { questionsOf } from '../../src/core/notes/note';
import { parseNote } from '../../src/core/notes/noteParser';
import { freeNoteId, noteIdFromTitle, noteTemplate, userNoteFileName } from '../../src/core/notes/noteTemplate';

describe('new note template', () => {
  for (const language of ['en', 'zh-cn'] as const) {
    it(`parses without problems in ${language}, with one question`, () => {
      const text = noteTemplate({ id: 'kafka-basics', title: 'Kafka: "basics" & more', language });
      const parsed = parseNote(text, { expectedId: 'kafka-basics', language });
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.note?.title, 'Kafka: "basics" & more');
      assert.equal(parsed.note && questionsOf(parsed.note).length, 1);
    });
  }

  it('derives ids from titles', () => {
    assert.equal(noteIdFromTitle('Kafka Basics'), 'kafka-basics');
    assert.equal(noteIdFromTitle('  Café: Ünïcode, 2nd try! '), 'cafe-unicode-2nd-try');
    assert.equal(noteIdFromTitle('2024 plans'), 'plans');
    assert.equal(noteIdFromTitle('消息队列'), 'note');
    assert.equal(noteIdFromTitle('Kafka 消息队列'), 'kafka');
  });

  it('finds a free id and names files by language', async () => {
    const taken = new Set(['redis', 'redis-2']);
    assert.equal(await freeNoteId('redis', async (id) => taken.has(id)), 'redis-3');
    assert.equal(await freeNoteId('kafka', async (id) => taken.has(id)), 'kafka');
    assert.equal(await freeNoteId('x', async () => true, 3), undefined);
    assert.equal(userNoteFileName('redis', 'en'), 'redis.md');
    assert.equal(userNoteFileName('redis', 'zh-cn'), 'redis.zh-cn.md');
  });
});
