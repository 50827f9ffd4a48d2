// `npm run bench:search`: relevance of the note search on a query set, and its speed and
// memory on generated corpora of 1,000 and 10,000 notes, beside MiniSearch (same tokenizer,
// same queries), a plain linear scan and ripgrep over the same text, all measured in this run.
// Why the extension keeps its own index: docs/decisions/0001-own-search-index.md.
//   --queries FILE   score this query set instead of bench/search/relevance.json
//   --json           print only one JSON object
//   --quick          1,000 notes only
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { noteLanguages, type Note } from '../src/core/notes/note';
import { parseNote } from '../src/core/notes/noteParser';
import { excerptAround, NoteSearchIndex, type SearchHit } from '../src/core/search/searchIndex';
import { isHan, tokenize } from '../src/core/search/tokenizer';
import { generateQueries, scanTerms, vocabularyFrom, writeCorpus, type GeneratedCorpus } from './search/corpus';

interface RelevanceQuery {
  readonly query: string;
  readonly note: string;
  readonly anchor?: string;
  readonly heading?: string;
}

interface CorpusFigures {
  readonly engine: 'index' | 'minisearch' | 'linear-scan' | 'ripgrep';
  readonly notes: number;
  readonly buildMs: number;
  readonly heapMB: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

const repoRoot = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const queriesFile = args.includes('--queries') ? args[args.indexOf('--queries') + 1] : join(repoRoot, 'bench', 'search', 'relevance.json');
const say = (line: string) => {
  if (!json) {
    console.log(line);
  }
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function loadBundledNotes(): Note[] {
  const notes: Note[] = [];
  for (const language of noteLanguages) {
    const folder = join(repoRoot, 'notes', language);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.md'))) {
      const { note } = parseNote(readFileSync(join(folder, file), 'utf8'), { language, expectedId: file.slice(0, -3) });
      if (note) {
        notes.push(note);
      }
    }
  }
  return notes;
}

/** What the relevance figures look at in a hit. */
type RankedSection = Pick<SearchHit, 'noteId' | 'sectionId' | 'heading'>;

function relevance(notes: readonly Note[], search: (query: string) => readonly RankedSection[]) {
  // A heading may match in either language, so keep both for each section.
  const headings = new Map<string, string[]>();
  for (const note of notes) {
    headings.set(`${note.id}#`, [...(headings.get(`${note.id}#`) ?? []), note.title]);
    for (const section of note.sections) {
      const key = `${note.id}#${section.id}`;
      headings.set(key, [...(headings.get(key) ?? []), section.title]);
    }
  }
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as RelevanceQuery[];
  const matches = (hit: RankedSection, expected: RelevanceQuery) => {
    if (hit.noteId !== expected.note) {
      return false;
    }
    if (expected.anchor !== undefined) {
      return hit.sectionId === expected.anchor;
    }
    if (expected.heading !== undefined) {
      const pattern = new RegExp(expected.heading, 'i');
      return (headings.get(`${hit.noteId}#${hit.sectionId ?? ''}`) ?? [hit.heading]).some((heading) => pattern.test(heading));
    }
    return true;
  };
  let found1 = 0;
  let found3 = 0;
  let reciprocalRanks = 0;
  const misses: { query: string; expected: string; got: string[] }[] = [];
  for (const expected of queries) {
    const hits = search(expected.query).slice(0, 10);
    const rank = hits.findIndex((hit) => matches(hit, expected)) + 1;
    if (rank === 1) {
      found1++;
    }
    if (rank >= 1 && rank <= 3) {
      found3++;
    } else {
      misses.push({
        query: expected.query,
        expected: `${expected.note}#${expected.anchor ?? `/${expected.heading ?? ''}/`}`,
        got: hits.slice(0, 3).map((hit) => `${hit.noteId}#${hit.sectionId ?? ''} ${hit.heading}`),
      });
    }
    reciprocalRanks += rank > 0 ? 1 / rank : 0;
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { queries: queries.length, recallAt1: round(found1 / queries.length), recallAt3: round(found3 / queries.length), mrr: round(reciprocalRanks / queries.length), misses };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

/**
 * Memory in use after a full GC: the JS heap plus ArrayBuffer memory. Typed arrays keep their
 * data outside the JS heap, so heapUsed alone would not see an index built on them.
 */
function heapUsed(): number {
  gc();
  gc();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

function timeQueries(queries: readonly string[], run: (query: string) => unknown): { p50Ms: number; p95Ms: number } {
  run(queries[0]); // warm-up, not counted
  const times = queries.map((query) => {
    const started = performance.now();
    run(query);
    return performance.now() - started;
  });
  return { p50Ms: twoDecimals(percentile(times, 0.5)), p95Ms: twoDecimals(percentile(times, 0.95)) };
}

function measureIndex(corpus: GeneratedCorpus, queries: readonly string[]): CorpusFigures {
  const notes = corpus.files.map((file) => parseNote(file.text, { language: file.language }).note!);
  const before = heapUsed();
  const started = performance.now();
  const index = new NoteSearchIndex();
  notes.forEach((note) => index.addNote(note));
  index.prepare();
  const buildMs = performance.now() - started;
  const heapMB = (heapUsed() - before) / 1024 / 1024;
  const latency = timeQueries(queries, (query) => index.search(query, 50));
  return { engine: 'index', notes: corpus.notes, buildMs: Math.round(buildMs), heapMB: twoDecimals(heapMB), ...latency };
}

/** A section as MiniSearch indexes it: the same four fields NoteSearchIndex reads. */
interface MiniSearchDocument {
  readonly id: number;
  readonly heading: string;
  readonly title: string;
  readonly tags: string;
  readonly text: string;
}

/**
 * MiniSearch over the same sections as NoteSearchIndex, configured to match it as closely as
 * its options allow: our tokenizer (Latin words and their `_` parts, Chinese bigrams) on both
 * sides with no further term processing, the same field weights (a note's introduction takes
 * the note's title as its heading), prefix matches for the word being typed only, and typo
 * tolerance on Latin words of 4+ letters. MiniSearch's fuzzy distance is Levenshtein, where
 * swapping two letters is two edits, so it is given 0.25 of the word's length (what the
 * extension used when it shipped MiniSearch): one edit below 6 letters, two from 6, three
 * from 10. It stores no fields; a side array maps its document ids to notes and sections.
 */
class MiniSearchEngine {
  private readonly index: MiniSearch<MiniSearchDocument>;
  private readonly documents: { readonly note: Note; readonly section: number }[] = [];

  constructor(notes: readonly Note[]) {
    let prefixFrom = 0;
    this.index = new MiniSearch<MiniSearchDocument>({
      fields: ['heading', 'title', 'tags', 'text'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => {
          const terms = tokenize(text);
          // As NoteSearchIndex does: the terms of the last word (being typed) also match as prefixes.
          prefixFrom = terms.length - tokenize(text.split(/\s+/).pop() ?? '').length;
          return terms;
        },
        processTerm: (term) => term,
        boost: { heading: 4, title: 0.5, tags: 0.5, text: 1 },
        prefix: (term, position) => position >= prefixFrom && (isHan(term) ? term.length === 1 : term.length >= 3),
        fuzzy: (term) => (!isHan(term) && term.length >= 4 ? 0.25 : false),
        weights: { prefix: 0.55, fuzzy: 0.35 },
      },
    });
    for (const note of notes) {
      const tags = note.tags.join(' ');
      for (let section = -1; section < note.sections.length; section++) {
        const id = this.documents.length;
        this.documents.push({ note, section });
        this.index.add(
          section < 0
            ? { id, heading: note.title, title: '', tags, text: note.intro }
            : { id, heading: note.sections[section].title, title: note.title, tags, text: note.sections[section].text },
        );
      }
    }
  }

  /** Hits as NoteSearchIndex returns them: a section found in both languages once, with an excerpt. */
  search(query: string, limit: number): (RankedSection & { readonly excerpt: string })[] {
    const seen = new Set<string>();
    const hits: (RankedSection & { readonly excerpt: string })[] = [];
    for (const result of this.index.search(query)) {
      const { note, section: position } = this.documents[result.id as number];
      const section = position < 0 ? undefined : note.sections[position];
      const key = `${note.id}#${section?.id ?? ''}`;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      hits.push({ noteId: note.id, sectionId: section?.id, heading: section ? section.title : note.title, excerpt: excerptAround(section ? section.text : note.intro, result.terms) });
      if (hits.length >= limit) {
        break;
      }
    }
    return hits;
  }
}

function measureMiniSearch(corpus: GeneratedCorpus, queries: readonly string[]): CorpusFigures {
  const notes = corpus.files.map((file) => parseNote(file.text, { language: file.language }).note!);
  const before = heapUsed();
  const started = performance.now();
  const index = new MiniSearchEngine(notes);
  const buildMs = performance.now() - started;
  const heapMB = (heapUsed() - before) / 1024 / 1024;
  const latency = timeQueries(queries, (query) => index.search(query, 50));
  return { engine: 'minisearch', notes: corpus.notes, buildMs: Math.round(buildMs), heapMB: twoDecimals(heapMB), ...latency };
}

function measureLinearScan(corpus: GeneratedCorpus, queries: readonly string[]): CorpusFigures {
  const before = heapUsed();
  const started = performance.now();
  const sections = corpus.files.flatMap((file) => file.text.split(/\n(?=## )/).map((text) => text.toLowerCase()));
  const buildMs = performance.now() - started;
  const heapMB = (heapUsed() - before) / 1024 / 1024;
  const latency = timeQueries(queries, (query) => {
    const terms = scanTerms(query);
    const scored: [number, number][] = [];
    sections.forEach((text, position) => {
      let score = 0;
      for (const term of terms) {
        if (text.includes(term)) {
          score++;
        }
      }
      if (score > 0) {
        scored.push([score, position]);
      }
    });
    return scored.sort((a, b) => b[0] - a[0]).slice(0, 50);
  });
  return { engine: 'linear-scan', notes: corpus.notes, buildMs: Math.round(buildMs), heapMB: twoDecimals(heapMB), ...latency };
}

function measureRipgrep(corpus: GeneratedCorpus, queries: readonly string[]): CorpusFigures {
  const latency = timeQueries(queries, (query) => {
    const result = spawnSync('rg', ['-l', '-i', '-F', ...scanTerms(query).flatMap((term) => ['-e', term]), corpus.folder], { encoding: 'utf8' });
    if (result.error) {
      throw new Error(`rg is not installed (apt-get install ripgrep): ${result.error.message}`);
    }
  });
  return { engine: 'ripgrep', notes: corpus.notes, buildMs: 0, heapMB: 0, ...latency };
}

function main(): void {
  const started = performance.now();
  const bundledNotes = loadBundledNotes();
  const noteIndex = new NoteSearchIndex();
  bundledNotes.forEach((note) => noteIndex.addNote(note));
  const relevanceFigures = relevance(bundledNotes, (query) => noteIndex.search(query, 10));
  say(`relevance on ${relevanceFigures.queries} queries (${queriesFile}):`);
  say(`  recall@1 ${relevanceFigures.recallAt1}   recall@3 ${relevanceFigures.recallAt3}   MRR ${relevanceFigures.mrr}`);
  for (const miss of relevanceFigures.misses) {
    say(`  miss: "${miss.query}" expected ${miss.expected}, got ${miss.got.join(' | ') || 'nothing'}`);
  }
  const miniSearch = new MiniSearchEngine(bundledNotes);
  const { misses: miniSearchMisses, ...miniSearchFigures } = relevance(bundledNotes, (query) => miniSearch.search(query, 10));
  say(`  minisearch, same queries: recall@1 ${miniSearchFigures.recallAt1}   recall@3 ${miniSearchFigures.recallAt3}   MRR ${miniSearchFigures.mrr}   (${miniSearchMisses.length} misses)`);

  const vocabulary = vocabularyFrom(join(repoRoot, 'notes'));
  const queries = generateQueries(vocabulary, 200);
  const corpora: CorpusFigures[] = [];
  for (const size of quick ? [1000] : [1000, 10000]) {
    const folder = join(tmpdir(), `interview-notes-search-bench-${size}`);
    const corpus = writeCorpus(folder, size, vocabulary);
    corpora.push(measureIndex(corpus, queries), measureMiniSearch(corpus, queries), measureLinearScan(corpus, queries), measureRipgrep(corpus, queries));
    rmSync(folder, { recursive: true, force: true });
  }
  if (json) {
    console.log(JSON.stringify({ ...relevanceFigures, minisearch: { ...miniSearchFigures, misses: miniSearchMisses }, corpora }, null, 2));
    return;
  }
  say(`\nspeed and memory (heap: JS heap + ArrayBuffers), ${queries.length} queries with typo tolerance on:`);
  say(`  ${'engine'.padEnd(12)} ${'notes'.padStart(6)} ${'build ms'.padStart(9)} ${'heap MB'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const figures of corpora) {
    say(`  ${figures.engine.padEnd(12)} ${String(figures.notes).padStart(6)} ${String(figures.buildMs).padStart(9)} ${String(figures.heapMB).padStart(8)} ${String(figures.p50Ms).padStart(8)} ${String(figures.p95Ms).padStart(8)}`);
  }
  say(`\n(${Math.round((performance.now() - started) / 1000)} s; Node ${process.version})`);
}

main();
