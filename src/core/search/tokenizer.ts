/**
 * Tokens for search, the same on the index side and the query side.
 * Latin text: lowercase words, plus the parts of identifiers such as `proxy_pass`.
 * Chinese text has no spaces between words, so each run of Han characters is cut into
 * overlapping character bigrams (缓存穿透 → 缓存 存穿 穿透), as Lucene's CJK analyzer does: a
 * query matches however a word segmenter would have cut the text, and indexing runs no
 * segmenter (Intl.Segmenter is much slower; the figure is in docs/decisions/0001-own-search-index.md).
 */

export interface TokenSink {
  /**
   * A Latin word: `text.slice(start, end)` in lower case, and its latinHash. The scanner passes
   * spans of the original text rather than strings, so the index can look words up without
   * creating a string per token (which would be garbage as soon as it was looked up).
   */
  latin(text: string, start: number, end: number, hash: number): void;
  /** A Han bigram (or a lone Han character) as a number: see hanKey. */
  han(key: number): void;
}

// CJK Unified Ideographs Extension A, the main block, and the compatibility ideographs.
const extensionALow = 0x3400;
const extensionAHigh = 0x4dbf;
const unifiedLow = 0x4e00;
const unifiedHigh = 0x9fff;
const compatibilityLow = 0xf900;
const compatibilityHigh = 0xfaff;
const unifiedOffset = extensionAHigh - extensionALow + 1;
const compatibilityOffset = unifiedOffset + unifiedHigh - unifiedLow + 1;
const hanCount = compatibilityOffset + compatibilityHigh - compatibilityLow + 1;

/** The position of a Han character among the ranges above, or -1 (comparisons, not a loop: it runs per character). */
function hanIndex(code: number): number {
  if (code < extensionALow) {
    return -1;
  }
  if (code <= extensionAHigh) {
    return code - extensionALow;
  }
  if (code >= unifiedLow && code <= unifiedHigh) {
    return code - unifiedLow + unifiedOffset;
  }
  if (code >= compatibilityLow && code <= compatibilityHigh) {
    return code - compatibilityLow + compatibilityOffset;
  }
  return -1;
}

/** A number for a Han bigram (second character -1 for a lone character), small enough for a V8 small integer. */
export function hanKey(first: number, second: number): number {
  return first * (hanCount + 1) + (second + 1);
}

/** How many Han characters keys are made of; a key's first character is key / hanKeysPerCharacter. */
export const hanCharacterCount = hanCount;
export const hanKeysPerCharacter = hanCount + 1;

export function hanKeyText(key: number): string {
  const first = Math.floor(key / (hanCount + 1));
  const second = (key % (hanCount + 1)) - 1;
  return hanCharacter(first) + (second >= 0 ? hanCharacter(second) : '');
}

function hanCharacter(index: number): string {
  if (index < unifiedOffset) {
    return String.fromCharCode(extensionALow + index);
  }
  if (index < compatibilityOffset) {
    return String.fromCharCode(unifiedLow + index - unifiedOffset);
  }
  return index < hanCount ? String.fromCharCode(compatibilityLow + index - compatibilityOffset) : '';
}

/** FNV-1a (32-bit): the one hash of words. The scanners below fold it in character by character. */
export const fnvOffsetBasis = 0x811c9dc5;
export const fnvPrime = 0x01000193;

/** FNV-1a over the lowercased word; the index's term table and typo table are keyed by it. */
export function latinHash(word: string): number {
  return latinHashWithout(word, -1);
}

/** latinHash of the word with the letter at `skip` left out (-1: the word itself), for typo lookups. */
export function latinHashWithout(word: string, skip: number): number {
  let hash = fnvOffsetBasis;
  for (let i = 0; i < word.length; i++) {
    if (i !== skip) {
      hash = Math.imul(hash ^ word.charCodeAt(i), fnvPrime);
    }
  }
  return hash;
}

const nonAsciiLetter = /[\p{L}\p{N}]/u;
/** Whether each non-ASCII UTF-16 unit is a letter or digit: 0 not asked yet, 1 yes, 2 no (the regex is slow per character). */
const nonAsciiClass = new Uint8Array(0x10000);

function isWordCharacter(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  let known = nonAsciiClass[code];
  if (known === 0) {
    known = nonAsciiLetter.test(String.fromCharCode(code)) ? 1 : 2;
    nonAsciiClass[code] = known;
  }
  return known === 1;
}

/** Scans text once, handing each token to the sink without building intermediate arrays. */
export function scanTokens(text: string, sink: TokenSink): void {
  const length = text.length;
  let position = 0;
  while (position < length) {
    const code = text.charCodeAt(position);
    const han = code >= extensionALow ? hanIndex(code) : -1;
    if (han >= 0) {
      let previous = han;
      let next = position + 1;
      while (next < length) {
        const current = hanIndex(text.charCodeAt(next));
        if (current < 0) {
          break;
        }
        sink.han(hanKey(previous, current));
        previous = current;
        next++;
      }
      if (next === position + 1) {
        sink.han(hanKey(han, -1));
      }
      position = next;
      continue;
    }
    if (!isWordCharacter(code)) {
      position++;
      continue;
    }
    const start = position;
    let underscore = false;
    let ascii = true;
    let hash = fnvOffsetBasis;
    while (position < length) {
      let current = text.charCodeAt(position);
      if (current >= 128) {
        if (hanIndex(current) >= 0 || !isWordCharacter(current)) {
          break;
        }
        ascii = false;
      } else if (!isWordCharacter(current)) {
        break;
      } else if (current <= 90 && current >= 65) {
        current |= 0x20;
      }
      underscore ||= current === 95;
      hash = Math.imul(hash ^ current, fnvPrime);
      position++;
    }
    if (ascii) {
      sink.latin(text, start, position, hash);
      if (underscore) {
        latinParts(text, start, position, sink);
      }
    } else {
      // Lower case may change the length outside ASCII (İ → i̇), so such words become strings.
      const word = text.slice(start, position).toLowerCase();
      sink.latin(word, 0, word.length, latinHash(word));
      if (underscore) {
        latinParts(word, 0, word.length, sink);
      }
    }
  }
}

/** The parts of `proxy_pass`: proxy, pass. */
function latinParts(text: string, start: number, end: number, sink: TokenSink): void {
  let partStart = start;
  let hash = fnvOffsetBasis;
  for (let i = start; i <= end; i++) {
    let code = i < end ? text.charCodeAt(i) : 95;
    if (code === 95) {
      if (i > partStart) {
        sink.latin(text, partStart, i, hash);
      }
      partStart = i + 1;
      hash = fnvOffsetBasis;
      continue;
    }
    if (code <= 90 && code >= 65) {
      code |= 0x20;
    }
    hash = Math.imul(hash ^ code, fnvPrime);
  }
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  scanTokens(text, {
    latin: (source, start, end) => tokens.push(source.slice(start, end).toLowerCase()),
    han: (key) => tokens.push(hanKeyText(key)),
  });
  return tokens;
}

export function isHan(text: string): boolean {
  return text.length > 0 && hanIndex(text.charCodeAt(0)) >= 0;
}

/** The key of the first Han bigram (or lone character) of the text, if it starts with Han. */
export function hanKeyOf(text: string): number | undefined {
  const first = text.length > 0 ? hanIndex(text.charCodeAt(0)) : -1;
  if (first < 0) {
    return undefined;
  }
  const second = text.length > 1 ? hanIndex(text.charCodeAt(1)) : -1;
  return hanKey(first, second);
}
