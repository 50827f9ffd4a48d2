// Rendering figures for `npm run bench`: the reader's renderer (markdown-it with heading ids,
// answers, source lines and code highlighting) against bare markdown-it on the same input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseNote } from '../src/core/notes/noteParser';
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
  const renderer = createNoteRenderer();
  const bare = new MarkdownIt();
  const [note1, bare1] = compareMs(() => renderer.render(note.body, { questionIds }), () => bare.render(note.body), quick ? 15 : 41);
  const [mb, bareMb] = compareMs(() => renderer.render(megabyte), () => bare.render(megabyte), quick ? 3 : 7);
  return [
    { name: 'render.largestNote.ms', value: note1, unit: 'ms', baseline: `bare markdown-it, same note (${largest.slice(repoRoot.length + 1)})`, baselineValue: bare1 },
    { name: 'render.1MB.ms', value: mb, unit: 'ms', baseline: 'bare markdown-it, same 1 MB', baselineValue: bareMb },
  ];
}

if (require.main === module) {
  console.log(JSON.stringify(renderFigures(process.argv.includes('--quick'))));
}
