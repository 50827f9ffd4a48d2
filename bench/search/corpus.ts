// Generated corpora for the search benchmark: notes in the bundled format, half English and
// half Chinese, eight sections of about sixty words each, with words drawn from the real notes
// so the vocabulary and its frequencies look like ours.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize, isHan } from '../../src/core/search/tokenizer';

/** A small deterministic generator, so every run measures the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Vocabulary {
  readonly english: readonly string[];
  readonly chinese: readonly string[];
}

/** Words of the bundled notes, with repeats, so frequent words stay frequent. */
export function vocabularyFrom(notesRoot: string): Vocabulary {
  const english: string[] = [];
  const chinese: string[] = [];
  for (const [language, into] of [['en', english], ['zh-cn', chinese]] as const) {
    for (const file of readdirSync(join(notesRoot, language))) {
      const text = readFileSync(join(notesRoot, language, file), 'utf8');
      if (language === 'en') {
        into.push(...(text.match(/[A-Za-z][A-Za-z_-]{1,20}/g) ?? []));
      } else {
        const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
        for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
          for (const segment of segmenter.segment(run)) {
            if (segment.isWordLike) {
              into.push(segment.segment);
            }
          }
        }
      }
    }
  }
  return { english, chinese };
}

export interface GeneratedCorpus {
  readonly folder: string;
  readonly notes: number;
  /** The Markdown of each note, in the order written. */
  readonly files: readonly { readonly path: string; readonly language: 'en' | 'zh-cn'; readonly text: string }[];
}

export function writeCorpus(folder: string, notes: number, vocabulary: Vocabulary, seed = 42): GeneratedCorpus {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'en'), { recursive: true });
  mkdirSync(join(folder, 'zh-cn'), { recursive: true });
  const next = random(seed);
  const pick = (words: readonly string[]) => words[Math.floor(next() * words.length)];
  const files: { path: string; language: 'en' | 'zh-cn'; text: string }[] = [];
  for (let n = 0; n < notes; n++) {
    const language = n % 2 === 0 ? 'en' : 'zh-cn';
    const words = language === 'en' ? vocabulary.english : vocabulary.chinese;
    const joiner = language === 'en' ? ' ' : '';
    const id = `note-${n}`;
    const sections: string[] = [];
    for (let s = 0; s < 8; s++) {
      const title = Array.from({ length: 3 }, () => pick(words)).join(joiner);
      // Chinese notes still carry some English terms, as real ones do.
      const body = Array.from({ length: 60 }, () => (language === 'zh-cn' && next() < 0.1 ? ` ${pick(vocabulary.english)} ` : pick(words))).join(joiner);
      sections.push(`## ${title} {#s${s}}\n\n${body}\n`);
    }
    const text = `---\nid: ${id}\ntitle: ${pick(words)}${joiner}${pick(words)} ${n}\ntags: [bench]\nicon: book\norder: ${n}\n---\n\n${sections.join('\n')}`;
    const path = join(folder, language, `${id}.md`);
    writeFileSync(path, text);
    files.push({ path, language, text });
  }
  return { folder, notes, files };
}

/** Queries of one to three words from the corpus vocabulary; some Latin words get a typo. */
export function generateQueries(vocabulary: Vocabulary, count: number, seed = 7): string[] {
  const next = random(seed);
  const english = vocabulary.english.filter((word) => word.length >= 5);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const chineseQuery = next() < 0.4;
    const length = 1 + Math.floor(next() * 3);
    const words = Array.from({ length }, () => (chineseQuery ? vocabulary.chinese : english)[Math.floor(next() * (chineseQuery ? vocabulary.chinese.length : english.length))]);
    if (!chineseQuery && next() < 0.3) {
      // Swap two neighbouring letters in one word: a typical typing error.
      const index = Math.floor(next() * words.length);
      const word = words[index];
      const at = 1 + Math.floor(next() * (word.length - 2));
      words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    }
    queries.push(words.join(chineseQuery ? '' : ' ').toLowerCase());
  }
  return queries;
}

/** The words a plain scan or rg looks for: the query's tokens, Chinese split in bigrams. */
export function scanTerms(query: string): string[] {
  return [...new Set(tokenize(query).filter((token) => !isHan(token) || token.length === 2))];
}
