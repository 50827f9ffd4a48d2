/**
 * Tokens for search, the same on the index side and the query side.
 * Latin text: lowercase words, and the parts of identifiers such as `proxy_pass`.
 * Chinese text has no spaces between words: each run of Han characters gives its
 * words (Intl.Segmenter) and its character bigrams, so a query matches whether or not
 * the segmenter cut the text the same way.
 */

const hanRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const latinWord = /[\p{L}\p{N}_]+/gu;

let segmenter: Intl.Segmenter | undefined | null;

function chineseSegmenter(): Intl.Segmenter | undefined {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter ?? undefined;
}

export function isHan(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u.test(text);
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const withoutHan = text.replace(hanRun, (run) => {
    addHanTokens(run, tokens);
    return ' ';
  });
  for (const match of withoutHan.matchAll(latinWord)) {
    const word = match[0].toLowerCase();
    tokens.push(word);
    if (word.includes('_')) {
      for (const part of word.split('_')) {
        if (part) {
          tokens.push(part);
        }
      }
    }
  }
  return tokens;
}

function addHanTokens(run: string, tokens: string[]): void {
  if (run.length === 1) {
    tokens.push(run);
    return;
  }
  const words = chineseSegmenter();
  if (words) {
    for (const segment of words.segment(run)) {
      if (segment.isWordLike && segment.segment.length > 1) {
        tokens.push(segment.segment);
      }
    }
  }
  for (let i = 0; i + 1 < run.length; i++) {
    tokens.push(run.slice(i, i + 2));
  }
}
