/**
 * Excerpts of note text that start and end between words: at a space or punctuation, or
 * beside a Chinese or Japanese character (which are words of their own), never inside a
 * Latin word or between the two halves of a surrogate pair.
 */

/** The start of a text on one line, at most `length` characters, with `…` where it was cut. */
export function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${cutAtWord(flat, length)}…` : flat;
}

/**
 * The text up to at most `length` characters, cut at the last word boundary before that
 * (a single word longer than half the length is cut where it must be), without trailing spaces.
 */
export function cutAtWord(text: string, length: number): string {
  if (text.length <= length) {
    return text;
  }
  let end = Math.max(0, length);
  const lowest = Math.floor(length / 2);
  while (end > lowest && !isWordBoundary(text, end)) {
    end--;
  }
  if (!isWordBoundary(text, end)) {
    end = isLowSurrogate(text.charCodeAt(length)) ? length - 1 : length;
  }
  return text.slice(0, end).trimEnd();
}

/**
 * A short piece of the text around the first of the terms: the text with runs of whitespace
 * made one space, about `width` characters of it starting a third of the width before the
 * match, cut between words. Only the piece is flattened, not the whole section: a query makes
 * an excerpt per hit.
 */
export function excerptAround(text: string, terms: readonly string[], width = 120): string {
  let first = 0;
  let last = text.length - 1;
  while (first <= last && isSpace(text.charCodeAt(first))) {
    first++;
  }
  while (last >= first && isSpace(text.charCodeAt(last))) {
    last--;
  }
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const found = lower.indexOf(term.toLowerCase(), first);
    if (found >= 0 && (at < 0 || found < at)) {
      at = found;
    }
  }
  // Back from the match by up to width / 3 characters of the flattened text (a whitespace run is one).
  let start = at < 0 ? first : at;
  for (let before = at < 0 ? 0 : Math.floor(width / 3); before > 0 && start > first; before--) {
    start--;
    while (start > first && isSpace(text.charCodeAt(start)) && isSpace(text.charCodeAt(start - 1))) {
      start--;
    }
  }
  // Forward to the start of a word (past the rest of a cut one, and spaces and punctuation), never past the match.
  while (start > first && start < (at < 0 ? last : at) && !(isWordBoundary(text, start) && /[\p{L}\p{N}]/u.test(text[start]))) {
    start++;
  }
  let end = start;
  for (let taken = 0; taken < width && end <= last; taken++) {
    if (isSpace(text.charCodeAt(end))) {
      while (end <= last && isSpace(text.charCodeAt(end))) {
        end++;
      }
    } else {
      end++;
    }
  }
  // Back to the end of a word, keeping at least half the width (a very long word is cut).
  const cutEnd = end;
  const lowest = Math.max(start + 1, cutEnd - Math.floor(width / 2));
  while (end <= last && end > lowest && !isWordBoundary(text, end)) {
    end--;
  }
  if (end <= last && !isWordBoundary(text, end)) {
    end = isLowSurrogate(text.charCodeAt(cutEnd)) ? cutEnd - 1 : cutEnd;
  }
  const piece = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > first ? '…' : ''}${piece}${end <= last ? '…' : ''}`;
}

/** Whether a cut before `at` falls between words (or at either end of the text). */
export function isWordBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) {
    return true;
  }
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  if (isLowSurrogate(after)) {
    return false;
  }
  return !isWordCharacter(text, at - 1, before) || !isWordCharacter(text, at, after);
}

/** Letters and digits of scripts that put spaces between words (not Han, kana). */
function isWordCharacter(text: string, at: number, code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  if (isHighSurrogate(code) || isLowSurrogate(code)) {
    const start = isLowSurrogate(code) ? at - 1 : at;
    const character = String.fromCodePoint(text.codePointAt(start) ?? code);
    return /[\p{L}\p{N}]/u.test(character) && !noSpacesBetweenWords.test(character);
  }
  const character = text[at];
  return /[\p{L}\p{N}\p{M}]/u.test(character) && !noSpacesBetweenWords.test(character);
}

const noSpacesBetweenWords = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The characters /\s/ matches. */
function isSpace(code: number): boolean {
  if (code <= 32) {
    return code === 32 || (code >= 9 && code <= 13);
  }
  return code >= 160 && (code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff);
}
