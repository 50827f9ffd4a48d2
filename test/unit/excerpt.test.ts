// Excerpts in search results, tooltips and hovers start and end between words.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { cutAtWord, excerpt, excerptAround, isWordBoundary } from '../../src/core/text/excerpt';

const english =
  'Cache penetration happens when clients keep asking for keys that exist neither in the cache nor in the database, so every request reaches the database; a Bloom filter in front answers most of them.';
const chinese = '缓存穿透是指查询一个根本不存在的数据，缓存和数据库都不会命中，请求每次都打到数据库上。常见的解决办法是布隆过滤器和缓存空值。';

describe('excerpts cut between words', () => {
  it('starts a search excerpt at the start of a word, and ends it at the end of one (English)', () => {
    for (const width of [40, 57, 60, 61, 83, 120]) {
      const piece = excerptAround(english, ['database'], width);
      const words = piece.replace(/^…|…$/g, '').split(' ');
      assert.ok(piece.startsWith('…') && piece.endsWith('…'), piece);
      const firstWord = words[0].replace(/[,;.]$/, '');
      assert.ok(english.split(/[ ,;.]+/).includes(firstWord), `"${firstWord}" is a whole word (width ${width}): ${piece}`);
      assert.ok(english.includes(` ${words[0]}`), piece);
      const lastWord = words[words.length - 1].replace(/[,;.]$/, '');
      assert.ok(english.split(/[ ,;.]+/).includes(lastWord), `"${lastWord}" is a whole word (width ${width}): ${piece}`);
      assert.ok(piece.includes('database'));
    }
  });

  it('may cut Chinese text at any character, and keeps the match', () => {
    const piece = excerptAround(chinese, ['布隆'], 20);
    assert.ok(piece.includes('布隆'), piece);
    assert.ok(chinese.includes(piece.replace(/^…|…$/g, '')), piece);
    assert.ok(piece.length >= 18, `about the width: ${piece}`);
    assert.equal(excerpt(chinese, 10), '缓存穿透是指查询一个…');
  });

  it('cuts the start of a text at the last word boundary', () => {
    assert.equal(excerpt(english, 32), 'Cache penetration happens when…');
    assert.equal(cutAtWord('proxy_pass backend_servers', 15), 'proxy_pass');
    assert.equal(cutAtWord('x'.repeat(50), 20), 'x'.repeat(20), 'a word longer than half the length is cut where it must be');
    assert.equal(excerptAround('no match here', ['zzz'], 5), 'no…');
  });

  it('never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 60 }), (text, length) => {
        const cut = cutAtWord(text, length);
        return !/[\ud800-\udbff]$/.test(cut) && cut.length <= length;
      }),
    );
    assert.equal(isWordBoundary('𠀀𠀁', 1), false);
  });
});
