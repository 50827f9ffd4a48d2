import { strict as assert } from 'node:assert';
import { parseNote } from '../../src/core/notes/noteParser';
import type { Note, NoteLanguage } from '../../src/core/notes/note';
import { InvertedIndex, withinOneEdit } from '../../src/core/search/invertedIndex';
import { filterSuggestions, parseQuery, withoutUnfinishedFilter } from '../../src/core/search/query';
import { excerptAround, NoteSearchIndex } from '../../src/core/search/searchIndex';
import { hanKey, hanKeyText, scanTokens, tokenize } from '../../src/core/search/tokenizer';

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

  it('gives a lone Han character as itself, and Han keys round-trip', () => {
    assert.deepEqual(tokenize('锁 a 池'), ['锁', 'a', '池']);
    for (const text of ['缓存', '锁', '㐀丂', '豈', '龥鿿']) {
      const keys: number[] = [];
      scanTokens(text, { latin: () => undefined, han: (key) => keys.push(key) });
      assert.equal(hanKeyText(keys[0]), text);
    }
    assert.ok(hanKey(1, -1) < hanKey(1, 0) && hanKey(1, 28095) < hanKey(2, -1), 'the bigrams of a character follow its lone key');
  });

  it('hands the sink spans of the text, lowercased words and their hashes', () => {
    const words: string[] = [];
    scanTokens('Café  PROXY_Pass 9x', {
      latin: (text, start, end) => words.push(text.slice(start, end).toLowerCase()),
      han: () => undefined,
    });
    assert.deepEqual(words, ['café', 'proxy_pass', 'proxy', 'pass', '9x']);
  });
});

describe('search excerpts', () => {
  it('flattens whitespace and marks cut text around the first match', () => {
    assert.equal(excerptAround('  one\n\n two   three  ', ['two']), 'one two three');
    const text = `${'a '.repeat(50)}needle${' b'.repeat(100)}`;
    const excerpt = excerptAround(text, ['NEEDLE'.toLowerCase(), 'b'], 30);
    assert.ok(excerpt.startsWith('…') && excerpt.endsWith('…'), excerpt);
    assert.equal(excerpt.replace(/…/g, '').length, 30);
    assert.ok(excerpt.includes('needle'));
    assert.equal(excerptAround('no match here', ['zzz'], 5), 'no…');
  });
});

describe('filter suggestions while typing', () => {
  const values = { topics: [{ id: 'redis', title: 'Redis' }, { id: 'rest', title: 'REST APIs' }, { id: 'docker', title: 'Docker & Compose' }], tags: ['cache', 'redis', 'scaling', 'cache'] };

  it('suggests the topics after topic: and the tags after #, those starting with what is typed first', () => {
    assert.deepEqual(filterSuggestions('topic:re', values).map((suggestion) => suggestion.filter), ['topic:redis', 'topic:rest']);
    assert.deepEqual(filterSuggestions('topic:', values).map((suggestion) => suggestion.filter), ['topic:redis', 'topic:rest', 'topic:docker']);
    assert.deepEqual(filterSuggestions('topic:comp', values).map((suggestion) => suggestion.filter), ['topic:docker'], 'by title too');
    assert.deepEqual(filterSuggestions('#ca', values).map((suggestion) => suggestion.filter), ['#cache', '#scaling']);
    assert.equal(filterSuggestions('topic:re', values)[0].title, 'Redis');
  });

  it('completes the word being typed and keeps the rest of the query', () => {
    assert.deepEqual(filterSuggestions('eviction #', values).map((suggestion) => suggestion.query), ['eviction #cache ', 'eviction #redis ', 'eviction #scaling ']);
    assert.equal(withoutUnfinishedFilter('lru #ca'), 'lru ');
    assert.equal(withoutUnfinishedFilter('lru cache'), 'lru cache');
  });

  it('suggests nothing for words, finished filters, or a value typed in full', () => {
    for (const input of ['redis', '', 'topic:redis ', '#cache', 'topic:redis']) {
      assert.deepEqual(filterSuggestions(input, values), [], input);
    }
  });
});

describe('search query parser', () => {
  it('separates #tag and topic: filters from the text', () => {
    assert.deepEqual(parseQuery('  #Cache topic:redis   eviction lru '), { text: 'eviction lru', tags: ['cache'], topics: ['redis'] });
  });
});

describe('search index', () => {
  it('lists the topics a filter alone matches, in the preferred language where they have it', () => {
    const index = sampleIndex();
    assert.deepEqual(index.search('#cache', 50, 'zh-cn').map((hit) => `${hit.noteId}/${hit.language}/${hit.kind}`), ['redis/zh-cn/intro']);
    assert.deepEqual(index.search('topic:docker', 50, 'en').map((hit) => `${hit.noteId}/${hit.language}`), ['docker/en']);
    assert.deepEqual(index.search('topic:nginx', 50, 'zh-cn').map((hit) => `${hit.noteId}/${hit.language}`), ['nginx/en'], 'the other language when the topic has no translation');
    assert.deepEqual(index.search('#nosuchtag'), []);
    assert.deepEqual(index.search('   '), [], 'no text and no filter: nothing');
  });

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

  it('matches a capitalised heading that is the whole field', () => {
    const hits = sampleIndex().search('volumes');
    assert.equal(hits[0]?.sectionId, 'volumes');
  });

  it('completes only the last word, from three letters', () => {
    const index = sampleIndex();
    assert.equal(index.search('entryp')[0]?.sectionId, 'cmd-entrypoint', 'the last word is completed as you type');
    assert.equal(index.search('persist')[0]?.sectionId, 'persistence');
    assert.ok(index.search('persist rdb').every((hit) => !hit.terms.includes('persistence')), 'a finished word is not completed');
    assert.equal(index.search('en').length, 0, 'two letters match no longer word');
    assert.equal(index.search('proxy_pa')[0]?.sectionId, 'reverse-proxy', 'the last word, identifier parts included');
  });

  it('tolerates a typo in any word, but takes a common word as it is', () => {
    const index = sampleIndex();
    assert.equal(index.search('entrypiont volumes')[0]?.sectionId, 'volumes');
    assert.ok(index.search('entrypiont volumes').some((hit) => hit.sectionId === 'cmd-entrypoint'));
    assert.deepEqual(index.search('dokcer exec')[0]?.terms.includes('docker'), true);
    const typoOf = (word: string) => index.search(word).flatMap((hit) => hit.terms);
    assert.ok(!typoOf('redis').includes('reds'), 'no typo matches for an indexed word');
    assert.ok(withinOneEdit('entrypoint', 'entrypiont') && withinOneEdit('redis', 'reds') && !withinOneEdit('redis', 'rdeiss'));
  });

  it('finds a Chinese single character at the start or end of a word', () => {
    const index = sampleIndex();
    assert.equal(index.search('缓')[0]?.sectionId, 'cache-penetration');
    assert.equal(index.search('透')[0]?.sectionId, 'cache-penetration', '透 only ends the bigram 穿透');
    assert.equal(index.search('卷')[0]?.sectionId, 'volumes');
    assert.ok(index.search('缓').every((hit) => hit.language === 'zh-cn'));
  });

  it('applies filters to every match, however many there are', () => {
    const index = new NoteSearchIndex();
    for (let n = 0; n < 30; n++) {
      const tag = n % 3 === 0 ? 'wanted' : 'other';
      index.addNote(note(`topic-${n}`, 'en', `Topic ${n}`, [tag], `## Shared {#shared}\n\nshared words ${'filler '.repeat(n)}\n`));
    }
    const hits = index.search('#wanted shared', 5);
    assert.equal(hits.length, 5);
    assert.ok(hits.every((hit) => Number(hit.noteId.slice('topic-'.length)) % 3 === 0));
    assert.equal(index.search('topic:topic-7 shared').length, 1);
    assert.deepEqual(index.search('#nothing shared'), []);
  });

  it('updates notes after the index was packed, and packs again', () => {
    const index = sampleIndex();
    index.prepare();
    assert.equal(index.search('proxy_pass')[0]?.sectionId, 'reverse-proxy');
    index.addNote(note('nginx', 'en', 'Nginx', ['nginx'], '## Gzip {#gzip}\n\nCompression of responses, and buffering.\n'));
    index.addNote(note('kafka', 'en', 'Kafka', ['kafka'], '## Partitions {#partitions}\n\nCompression per partition.\n'));
    assert.equal(index.search('proxy_pass').length, 0, 'the old text is gone before the next prepare()');
    assert.deepEqual(index.search('compression').map((hit) => hit.noteId).sort(), ['kafka', 'nginx']);
    assert.equal(index.sectionCount, 16);
    index.removeNote('kafka', 'en');
    index.prepare();
    assert.deepEqual(index.search('compression').map((hit) => hit.noteId), ['nginx']);
    assert.equal(index.search('partition').length, 0);
    index.addNote(note('kafka', 'en', 'Kafka', ['kafka'], '## Partitions {#partitions}\n\nCompression per partition.\n'));
    assert.deepEqual(index.search('partitions').map((hit) => hit.noteId), ['kafka']);
    assert.equal(index.search('entrypoint')[0]?.sectionId, 'cmd-entrypoint', 'other notes are untouched');
  });

  it('gives the same results after updates, packed apart or all together, as an index built afresh', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'theta', 'kappa', 'lambda', 'omega', '缓存', '穿透', '持久化', '集群'];
    let seed = 7;
    const pick = () => words[(seed = (seed * 16807) % 2147483647) % words.length];
    const body = (n: number) => [0, 1, 2].map((s) => `## Part ${s} ${pick()} {#p${s}}\n\n${Array.from({ length: 12 + n % 9 }, pick).join(' ')}\n`).join('\n');
    const make = (n: number, version: number) => note(`note-${n}`, n % 2 === 0 ? 'en' : 'zh-cn', `Note ${n} ${pick()}`, [`tag${n % 4}`], body(n + version));
    const notes = new Map<number, Note>();
    const live = new NoteSearchIndex();
    for (let n = 0; n < 60; n++) {
      notes.set(n, make(n, 0));
      live.addNote(notes.get(n)!);
    }
    live.prepare();
    const deltaSize = () => (live as unknown as { index: { delta: { postings: Int32Array } } }).index.delta.postings.length;
    const queries = ['alpha', 'beta gamma', '缓存穿透', 'omega #tag1', 'kap', 'lambda zeta theta', '集'];
    const snapshot = (index: NoteSearchIndex) =>
      queries.map((query) => index.search(query, 500).map((hit) => `${hit.noteId}#${hit.sectionId ?? ''}:${hit.score.toFixed(9)}`).sort());
    const updates: [string, number][] = [['update', 3], ['remove', 8], ['update', 3], ['add', 61], ['remove', 61], ['update', 20], ['add', 62]];
    for (const [change, n] of updates) {
      if (change === 'remove') {
        live.removeNote(`note-${n}`, n % 2 === 0 ? 'en' : 'zh-cn');
        notes.delete(n);
      } else {
        notes.set(n, make(n, change === 'update' ? 5 : 0));
        live.addNote(notes.get(n)!);
      }
      const fresh = new NoteSearchIndex();
      [...notes.values()].forEach((kept) => fresh.addNote(kept));
      const sets = (results: string[][]) => results.map((hits) => hits.map((hit) => hit.split(':')[0]));
      assert.deepEqual(sets(snapshot(live)), sets(snapshot(fresh)), `after ${change} ${n}`);
      assert.ok(deltaSize() > 0 || change === 'remove', 'small changes are packed apart from the rest');
      assert.equal(live.sectionCount, fresh.sectionCount);
    }
    live.prepare();
    assert.equal(deltaSize(), 0);
    const fresh = new NoteSearchIndex();
    [...notes.values()].forEach((kept) => fresh.addNote(kept));
    assert.deepEqual(snapshot(live), snapshot(fresh), 'and, once packed, the same scores');
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

describe('inverted index', () => {
  it('ranks by BM25, whole-query matches first, and keeps the best of many', () => {
    const index = new InvertedIndex();
    const documents: number[] = [];
    for (let n = 0; n < 500; n++) {
      // Every document has "common"; every 7th also "rare"; repeats make some stronger.
      const text = `common ${n % 7 === 0 ? 'rare '.repeat(1 + (n % 5)) : ''}word${n}`;
      documents.push(index.add([{ text, weight: 1 }]));
    }
    const results = index.search(['rare', 'common'], { limit: 10 });
    assert.equal(results.length, 10);
    for (const result of results) {
      assert.equal(result.document % 7, 0, 'a document with both words first');
      assert.deepEqual(result.matches.map((match) => match.term).sort(), ['common', 'rare']);
    }
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1], results[i]];
      assert.ok(before.score > after.score || (before.score === after.score && before.document < after.document));
    }
    assert.equal(index.search(['common'], { limit: 1000 }).length, 500);
    index.remove(documents[0]);
    assert.equal(index.search(['common'], { limit: 1000 }).length, 499);
    assert.equal(index.documentCount, 499);
  });

  it('holds documents with many distinct terms', () => {
    const index = new InvertedIndex();
    const words = Array.from({ length: 700 }, (_, n) => `w${n}`);
    const document = index.add([{ text: words.join(' '), weight: 1 }]);
    index.add([{ text: 'w1 other', weight: 1 }]);
    for (const word of ['w0', 'w350', 'w699']) {
      assert.deepEqual(index.search([word], { limit: 5 }).map((result) => result.document), [document]);
    }
    assert.equal(index.termCount, 701);
  });
});
