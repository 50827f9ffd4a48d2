// Rendering figures for `npm run bench`: the reader's renderer (markdown-it with heading ids,
// answers, source lines and code highlighting by highlight.js) against bare markdown-it on the
// same input, on the largest note, on 1 MB of notes, and on fences made to be slow for
// highlight.js's quadratic patterns (runs as long as src/core/render/highlight.ts still
// highlights; longer ones are shown unhighlighted).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseNote } from '../src/core/notes/noteParser';
import { maxHighlightedLineLength } from '../src/core/render/highlight';
import { createNoteRenderer } from '../src/core/render/noteRenderer';

const repoRoot = join(__dirname, '..', '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Medians of the two functions, run alternately after a warm-up, so that whatever else the
 * machine is doing weighs on both alike.
 */
function compareMs(ours: () => unknown, baseline: () => unknown, repeats: number): [number, number] {
  for (let i = 0; i < 3; i++) {
    ours();
    baseline();
  }
  const oursTimes: number[] = [];
  const baselineTimes: number[] = [];
  const time = (run: () => unknown, into: number[]) => {
    const started = performance.now();
    run();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < repeats; i++) {
    time(ours, oursTimes);
    time(baseline, baselineTimes);
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  return [round(median(oursTimes)), round(median(baselineTimes))];
}

export function renderFigures(quick: boolean) {
  const notes = ['en', 'zh-cn'].flatMap((language) => readdirSync(join(repoRoot, 'notes', language)).map((name) => join(repoRoot, 'notes', language, name)));
  const largest = notes.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const { note } = parseNote(readFileSync(largest, 'utf8'), { language: largest.includes('zh-cn') ? 'zh-cn' : 'en' });
  if (!note) {
    throw new Error(`${largest} does not parse`);
  }
  const questionIds = new Set(note.sections.filter((section) => section.kind === 'question').map((section) => section.id));
  // About one megabyte of Markdown: the whole library, repeated.
  const library = notes.map((file) => readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '')).join('\n\n');
  const megabyte = library.repeat(Math.ceil(1_000_000 / library.length)).slice(0, 1_000_000);
  // 256 KB of 16 KB fences whose every line is a run at the line cap of a character that
  // scslre names in a quadratic report (or that highlight.js matches one token at a time).
  const hostileRuns: [string, string][] = [['ini', '_'], ['java', 'a'], ['javascript', ' '], ['nginx', '_'], ['python', '0'], ['sql', '+'], ['typescript', '+'], ['yaml', 'a']];
  const hostileFence = ([language, run]: [string, string]) => `\`\`\`${language}\n${`${run.repeat(maxHighlightedLineLength)}\n`.repeat(Math.floor(16_384 / (maxHighlightedLineLength + 1)))}\`\`\`\n\n`;
  const hostile = Array.from({ length: 16 }, (_, index) => hostileFence(hostileRuns[index % hostileRuns.length])).join('');
  const renderer = createNoteRenderer();
  const bare = new MarkdownIt();
  const [note1, bare1] = compareMs(() => renderer.render(note.body, { questionIds }), () => bare.render(note.body), quick ? 15 : 41);
  const [mb, bareMb] = compareMs(() => renderer.render(megabyte), () => bare.render(megabyte), quick ? 3 : 7);
  const [hostileMs, bareHostile] = compareMs(() => renderer.render(hostile), () => bare.render(hostile), 3);
  return [
    { name: 'render.largestNote.ms', value: note1, unit: 'ms', baseline: `bare markdown-it, same note (${largest.slice(repoRoot.length + 1)})`, baselineValue: bare1 },
    { name: 'render.1MB.ms', value: mb, unit: 'ms', baseline: 'bare markdown-it, same 1 MB', baselineValue: bareMb },
    { name: 'render.hostileFences.ms', value: hostileMs, unit: 'ms', baseline: `bare markdown-it, same ${Math.round(hostile.length / 1024)} KB of fences made slow for highlight.js`, baselineValue: bareHostile },
  ];
}

if (require.main === module) {
  console.log(JSON.stringify(renderFigures(process.argv.includes('--quick'))));
}
