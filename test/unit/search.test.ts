import { strict as assert } from 'node:assert';
import { parseNote } from '../../src/core/notes/noteParser';
import type { NoteLanguage } from '../../src/core/notes/note';
import { parseQuery } from '../../src/core/search/query';
import { NoteSearchIndex } from '../../src/core/search/searchIndex';
import { tokenize } from '../../src/core/search/tokenizer';

function note(id: string, language: NoteLanguage, title: string, tags: string[], body: string) {
  const text = `---\nid: ${id}\ntitle: ${title}\ntags: [${tags.join(', ')}]\nicon: book\norder: 1\n---\n${body}`;
  const parsed = parseNote(text, { language });
  assert.ok(parsed.note, JSON.stringify(parsed.problems));
  return parsed.note;
}

function sampleIndex(): NoteSearchIndex {
  const index = new NoteSearchIndex();
  index.addNote(note('docker', 'en', 'Docker', ['docker'], '## CMD and ENTRYPOINT {#cmd-entrypoint}\n\nThe exec form of ENTRYPOINT runs the program as PID 1.\n\n## Volumes {#volumes}\n\nNamed volumes keep data. ENTRYPOINT is mentioned here too.\n'));
  index.addNote(note('docker', 'zh-cn', 'Docker', ['docker'], '## CMD 与 ENTRYPOINT {#cmd-entrypoint}\n\nexec 形式让程序成为 PID 1。\n\n## 存储卷 {#volumes}\n\n命名卷用于持久化数据。\n'));
  index.addNote(note('redis', 'zh-cn', 'Redis', ['redis', 'cache'], '## 缓存穿透 {#cache-penetration}\n\n查询一个不存在的 key，请求直接打到数据库。可用布隆过滤器。\n\n## 持久化 {#persistence}\n\nRDB 与 AOF 两种持久化方式。\n'));
  index.addNote(note('redis', 'en', 'Redis', ['redis', 'cache'], '## Cache penetration {#cache-penetration}\n\nQueries for keys that do not exist reach the database.\n\n## Persistence {#persistence}\n\nRDB snapshots and the AOF log.\n'));
  index.addNote(note('nginx', 'en', 'Nginx', ['nginx'], '## Reverse proxy {#reverse-proxy}\n\nUse proxy_pass in a location block.\n'));
  return index;
}

describe('search tokenizer', () => {
  it('lowercases Latin words and splits identifiers on underscores', () => {
    assert.deepEqual(tokenize('proxy_pass SET NX PX'), ['proxy_pass', 'proxy', 'pass', 'set', 'nx', 'px']);
  });

  it('gives Chinese words and character bigrams', () => {
    const tokens = tokenize('缓存穿透');
    for (const bigram of ['缓存', '存穿', '穿透']) {
      assert.ok(tokens.includes(bigram), `${bigram} in ${tokens.join(',')}`);
    }
  });

  it('handles mixed Chinese and English', () => {
    const tokens = tokenize('redis 持久化');
    assert.ok(tokens.includes('redis'));
    assert.ok(tokens.includes('持久'));
  });
});

describe('search query parser', () => {
  it('separates #tag and topic: filters from the text', () => {
    assert.deepEqual(parseQuery('  #Cache topic:redis   eviction lru '), { text: 'eviction lru', tags: ['cache'], topics: ['redis'] });
  });
});

describe('search index', () => {
  it('finds the ENTRYPOINT section, heading matches first', () => {
    const hits = sampleIndex().search('ENTRYPOINT');
    assert.equal(hits[0].noteId, 'docker');
    assert.equal(hits[0].sectionId, 'cmd-entrypoint');
    assert.ok(hits.findIndex((hit) => hit.sectionId === 'volumes') > 0, 'the body match ranks lower');
  });

  it('shows a section found in two languages once', () => {
    const hits = sampleIndex().search('ENTRYPOINT');
    assert.equal(hits.filter((hit) => hit.noteId === 'docker' && hit.sectionId === 'cmd-entrypoint').length, 1);
  });

  it('finds Chinese text and opens it in the language that matched', () => {
    const [hit] = sampleIndex().search('缓存穿透');
    assert.equal(hit.sectionId, 'cache-penetration');
    assert.equal(hit.language, 'zh-cn');
  });

  it('tolerates typos in Latin words', () => {
    assert.equal(sampleIndex().search('entrypiont')[0]?.sectionId, 'cmd-entrypoint');
  });

  it('matches identifiers such as proxy_pass', () => {
    assert.equal(sampleIndex().search('proxy_pass')[0]?.sectionId, 'reverse-proxy');
  });

  it('limits results with topic: and #tag filters', () => {
    const index = sampleIndex();
    assert.ok(index.search('persistence topic:redis').every((hit) => hit.noteId === 'redis'));
    assert.deepEqual(index.search('#docker persistence').filter((hit) => hit.noteId !== 'docker'), []);
  });

  it('replaces a note on update and forgets it on removal', () => {
    const index = sampleIndex();
    index.addNote(note('nginx', 'en', 'Nginx', ['nginx'], '## Gzip {#gzip}\n\nCompression of responses.\n'));
    assert.equal(index.search('proxy_pass').length, 0);
    assert.equal(index.search('compression')[0]?.sectionId, 'gzip');
    index.removeNote('nginx', 'en');
    assert.equal(index.search('compression').length, 0);
  });
});
