// Runs inside the Node extension host (like activationSuite and scaleSuite): `dashboard.open.ms`
// for `npm run bench`. A year of practice, 10,000 reviews of the bundled notes' questions made by
// the real scheduler (FSRS, grades mixed, from practice, mock interviews and chat), is written
// through the real review log store as the extension writes it, and the real Dashboard opens a
// panel over it; each sample is timed from `open()` to the webview saying it has drawn the model
// (`Dashboard.rendered()`), with the log in one segment (as an import writes it and as
// compaction leaves a year of grades). Beside it, in the same host and alternating with it, the
// same dashboard over an empty review log: what opening the panel costs with no review to read.
// With `npm run bench -- --dashboard`, also over one segment per review as grading writes them
// (before compaction existed), and after the store has compacted those.
// Also times the core alone (parsing the log's text and computing the model, no file access).
// Writes its figures to the workspace for `npm run bench`.
import * as vscode from 'vscode';
import { questionsOf } from '../src/core/notes/note';
import { dashboardModel, type DashboardQuestion } from '../src/core/practice/dashboardModel';
import { calendarFromOffset } from '../src/core/practice/localDays';
import { emptyProgress, questionIdOf, type CardRecord, type Grade, type ProgressData } from '../src/core/practice/progress';
import { mergeReviews, parseReviews, reviewOf, serializeReviews, type ReviewRecord, type ReviewSource } from '../src/core/practice/reviewLog';
import { createScheduler } from '../src/core/practice/scheduler';
import { silentLogger } from '../src/core/util/logger';
import { Dashboard } from '../src/host/dashboard';
import type { InterviewNotesApi } from '../src/host/extension';
import { ReviewLogStore } from '../src/host/reviewLogStore';
import { random as seededRandom } from './search/corpus';

const ours = 'interview-notes.interview-notes';
const reviewCount = 10_000;
const samples = 5;
/** Opening over 10,000 files takes a minute or two each. */
const uncompactedSamples = 3;
const dayMs = 24 * 60 * 60_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * A year of practice ending yesterday: about one day in eight skipped, the other days' reviews
 * paced to reach `count`; each day reviews what is due first, then a few new questions, then
 * reviews ahead. One session in seven is a mock interview (timed), one review in twenty comes
 * from the chat. Grades: Again more often for new and relearning questions, mostly Good.
 */
function simulateYear(questionIds: readonly string[], count: number, end: Date): { reviews: ReviewRecord[]; progress: ProgressData } {
  const random = seededRandom(19); // the same year of practice on every run
  let clock = new Date(0);
  const scheduler = createScheduler({ desiredRetention: 0.9, now: () => clock });
  const cards = new Map<string, CardRecord>();
  const unseen = [...questionIds];
  const reviews: ReviewRecord[] = [];
  const firstDay = new Date(end);
  firstDay.setHours(0, 0, 0, 0);
  firstDay.setDate(firstDay.getDate() - 363);
  for (let day = 0; day < 363 && reviews.length < count; day++) {
    const morning = new Date(firstDay);
    morning.setDate(firstDay.getDate() + day);
    morning.setHours(8 + Math.floor(random() * 10), Math.floor(random() * 60));
    if (day < 362 && random() < 0.12) {
      continue;
    }
    const daysLeft = Math.max(1, (363 - day) * 0.88);
    const target = Math.min(questionIds.length, Math.ceil((count - reviews.length) / daysLeft));
    const mock = random() < 1 / 7;
    const due = [...cards].filter(([, record]) => Date.parse(record.due) <= morning.getTime()).sort((a, b) => a[1].due.localeCompare(b[1].due));
    const chosen = due.map(([id]) => id).slice(0, target);
    while (chosen.length < target && unseen.length > 0 && chosen.length < Math.ceil(target / 4) + due.length) {
      chosen.push(unseen.splice(Math.floor(random() * unseen.length), 1)[0]);
    }
    const ahead = [...cards].filter(([id]) => !chosen.includes(id)).sort((a, b) => a[1].due.localeCompare(b[1].due));
    chosen.push(...ahead.slice(0, target - chosen.length).map(([id]) => id));
    const session = morning.toISOString();
    for (const [position, questionId] of chosen.entries()) {
      if (reviews.length >= count) {
        break;
      }
      const seconds = 20 + Math.floor(random() * 200);
      clock = new Date(morning.getTime() + position * 75_000 + Math.floor(random() * 30_000));
      const before = cards.get(questionId);
      const againChance = !before ? 0.3 : before.state === 'review' ? (Date.parse(before.due) <= clock.getTime() ? 0.1 : 0.05) : 0.2;
      const roll = random();
      const grade: Grade = roll < againChance ? 1 : roll < againChance + 0.15 ? 2 : roll < 0.87 ? 3 : 4;
      const after = scheduler.grade(before, grade);
      cards.set(questionId, after);
      const source: ReviewSource = mock ? 'mock' : random() < 0.05 ? 'chat' : 'practice';
      reviews.push(reviewOf(questionId, before, after, source, source === 'mock' ? { seconds, timedOut: seconds > 180, session } : {}));
    }
  }
  return { reviews, progress: { ...emptyProgress(), cards: Object.fromEntries(cards) } };
}

async function segmentsIn(folder: vscode.Uri): Promise<number> {
  const entries = await vscode.workspace.fs.readDirectory(folder).then(undefined, () => []);
  return entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.jsonl')).length;
}

/**
 * The same reviews as grading writes them, one segment each (never compacted: the log as it
 * was before compaction), opened a few times; then compacted by the store as the extension
 * makes it (the read that finds them starts merging them; timed until that is done), and opened
 * again. Slow (minutes: each of the 10,000 files is a round trip through the workbench), so only
 * `npm run bench -- --dashboard` asks for it.
 */
async function uncompactedFigures(
  storageRoot: vscode.Uri,
  reviews: readonly ReviewRecord[],
  openMs: (reviewLog: ReviewLogStore, expected: number) => Promise<number>,
  say: (line: string) => void,
) {
  // Several stores on the same folder at once, as several windows would: seeding takes less long.
  const root = vscode.Uri.joinPath(storageRoot, 'per-review');
  const lanes = 16;
  let started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const writer = new ReviewLogStore(root, silentLogger, { compactAbove: Infinity });
      for (let position = lane; position < reviews.length; position += lanes) {
        await writer.append([reviews[position]]);
      }
      writer.dispose();
    }),
  );
  const seedMs = performance.now() - started;
  const perReviewLog = new ReviewLogStore(root, silentLogger, { compactAbove: Infinity });
  const perReviewSegments = await segmentsIn(perReviewLog.folder);
  say(`dashboard: ${reviews.length} reviews written in ${perReviewSegments} segments in ${Math.round(seedMs)} ms`);
  const perReview: number[] = [];
  for (let sample = 0; sample < uncompactedSamples; sample++) {
    perReview.push(await openMs(perReviewLog, reviews.length));
    say(`dashboard: one segment per review, sample ${sample + 1}: ${Math.round(perReview[sample])} ms`);
  }
  perReviewLog.dispose();

  const compactingLog = new ReviewLogStore(root, silentLogger);
  started = performance.now();
  await compactingLog.read();
  await compactingLog.compacted();
  const compactMs = performance.now() - started;
  const compactedSegments = await segmentsIn(compactingLog.folder);
  say(`dashboard: compacted into ${compactedSegments} segments in ${Math.round(compactMs)} ms`);
  const compacted: number[] = [];
  for (let sample = 0; sample < uncompactedSamples; sample++) {
    compacted.push(await openMs(compactingLog, reviews.length));
  }
  compactingLog.dispose();
  return { openPerReviewMs: median(perReview), openCompactedMs: median(compacted), perReviewSegments, compactedSegments, compactMs, seedMs };
}

/** What bench.mjs asks for, in the workspace it made: `{ "uncompacted": true }` with --dashboard. */
async function benchOptions(folder: vscode.Uri): Promise<{ uncompacted?: boolean }> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.bench-dashboard.json')).then(undefined, () => undefined);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as { uncompacted?: boolean }) : {};
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('no workspace folder');
  }
  const extension = vscode.extensions.getExtension<InterviewNotesApi>(ours);
  if (!extension) {
    throw new Error(`${ours} is not loaded`);
  }
  const api = await extension.activate();
  const options = await benchOptions(folder.uri);
  const say = (line: string) => console.log(`[suite] ${line}`);

  const topics = await api.library.topics();
  const questions: DashboardQuestion[] = topics.flatMap((loaded) =>
    questionsOf(loaded.note).map((section) => ({ id: questionIdOf(loaded.note.id, section.id), title: section.title, topicTitle: loaded.note.title })),
  );
  const { reviews, progress } = simulateYear(
    questions.map((question) => question.id),
    reviewCount,
    new Date(Date.now() - dayMs),
  );
  if (reviews.length !== reviewCount) {
    throw new Error(`the simulated year made ${reviews.length} reviews, not ${reviewCount}`);
  }
  await api.progress.merge(progress);

  const storageRoot = vscode.Uri.joinPath(folder.uri, '.bench-dashboard');
  // As an import writes them (`appendNew`), and as compaction leaves a year of grades: one segment.
  const importedLog = new ReviewLogStore(vscode.Uri.joinPath(storageRoot, 'imported'), silentLogger);
  await importedLog.appendNew(reviews);
  const importedSegments = await segmentsIn(importedLog.folder);
  const emptyLog = new ReviewLogStore(vscode.Uri.joinPath(storageRoot, 'empty'), silentLogger);

  const openMs = async (reviewLog: ReviewLogStore, expected: number): Promise<number> => {
    const dashboard = new Dashboard({ extensionUri: extension.extensionUri, library: api.library, progress: api.progress, reviewLog, logger: silentLogger });
    try {
      const started = performance.now();
      await dashboard.open();
      await dashboard.rendered();
      const ms = performance.now() - started;
      if (dashboard.model?.totalReviews !== expected) {
        throw new Error(`the dashboard showed ${dashboard.model?.totalReviews} reviews, not ${expected}`);
      }
      return ms;
    } finally {
      dashboard.dispose();
    }
  };
  // A warm-up of each (the first webview of the host loads its own frame), then alternating.
  const times = { imported: [] as number[], empty: [] as number[] };
  for (let sample = -1; sample < samples; sample++) {
    const imported = await openMs(importedLog, reviewCount);
    const empty = await openMs(emptyLog, 0);
    if (sample >= 0) {
      times.imported.push(imported);
      times.empty.push(empty);
      say(`dashboard: sample ${sample + 1}: ${Math.round(imported)} ms with ${reviewCount} reviews, ${Math.round(empty)} ms empty`);
    }
  }
  const uncompacted = options.uncompacted ? await uncompactedFigures(storageRoot, reviews, openMs, say) : undefined;
  [importedLog, emptyLog].forEach((log) => log.dispose());

  // The core alone, on the log's text: parse and merge, then compute the model; beside it,
  // JSON.parse of each line (reading the same text with no checks and no statistics).
  const text = serializeReviews(reviews);
  const configuration = { now: new Date(), calendar: calendarFromOffset((time) => -new Date(time).getTimezoneOffset()), desiredRetention: 0.9 };
  const core = { model: [] as number[], parse: [] as number[] };
  for (let sample = 0; sample < samples; sample++) {
    let started = performance.now();
    const parsed = mergeReviews(parseReviews(text).reviews);
    dashboardModel({ reviews: parsed, progress: api.progress.progress, questions, ...configuration });
    core.model.push(performance.now() - started);
    started = performance.now();
    text.split('\n').forEach((line) => line && JSON.parse(line));
    core.parse.push(performance.now() - started);
  }

  const figures = {
    reviews: reviewCount,
    questions: new Set(reviews.map((review) => review.questionId)).size,
    openMs: median(times.imported),
    openEmptyMs: median(times.empty),
    segments: importedSegments,
    uncompacted,
    logBytes: new TextEncoder().encode(text).length,
    modelMs: median(core.model),
    parseOnlyMs: median(core.parse),
  };
  say(`dashboard: ${JSON.stringify(figures)}`);
  await vscode.workspace.fs.delete(storageRoot, { recursive: true, useTrash: false });
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '.bench-results.json'), new TextEncoder().encode(JSON.stringify(figures)));
}
