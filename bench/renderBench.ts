// Rendering figures for `npm run bench`: the reader's renderer (markdown-it with heading ids,
// answers, source lines and highlight.js) against bare markdown-it on the same input.
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

function timeMs(run: () => unknown, repeats: number): number {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return Math.round(median(times) * 100) / 100;
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
  const repeats = quick ? 5 : 15;
  return [
    { name: 'render.largestNote.ms', value: timeMs(() => renderer.render(note.body, { questionIds }), repeats), unit: 'ms', baseline: `bare markdown-it, same note (${largest.slice(repoRoot.length + 1)})`, baselineValue: timeMs(() => bare.render(note.body), repeats) },
    { name: 'render.1MB.ms', value: timeMs(() => renderer.render(megabyte), quick ? 2 : 5), unit: 'ms', baseline: 'bare markdown-it, same 1 MB', baselineValue: timeMs(() => bare.render(megabyte), quick ? 2 : 5) },
  ];
}

if (require.main === module) {
  console.log(JSON.stringify(renderFigures(process.argv.includes('--quick'))));
}
