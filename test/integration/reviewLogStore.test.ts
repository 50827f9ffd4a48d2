import { assert } from 'chai';
import * as vscode from 'vscode';
import { parseReviews, reviewKey, segmentName, serializeReviews } from '../../src/core/practice/reviewLog';
import { silentLogger } from '../../src/core/util/logger';
import { ReviewLogStore } from '../../src/host/reviewLogStore';
import { workspaceFile } from './helpers';
import { review } from '../support/reviews';


const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function names(folder: vscode.Uri): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
}

/** The keys of the reviews in each segment file on disk, as they lie there (not merged). */
async function keysOnDisk(folder: vscode.Uri): Promise<string[]> {
  const keys: string[] = [];
  for (const name of (await names(folder)).filter((each) => each.endsWith('.jsonl'))) {
    keys.push(...parseReviews(decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)))).reviews.map(reviewKey));
  }
  return keys.sort();
}

/** One review per append, as grading writes them: one segment each. */
async function gradeOneByOne(store: ReviewLogStore, count: number, from = Date.parse('2026-11-01T09:00:00Z')) {
  const written = Array.from({ length: count }, (_, n) => review(`redis#question-${n % 7}`, from + n * 60_000, ((n % 4) + 1) as 1 | 2 | 3 | 4));
  for (const each of written) {
    await store.append([each]);
  }
  return written;
}

describe('review log store', () => {
  let root: vscode.Uri;
  let clock: number;
  /** A store as the extension makes it, on a folder of the test's own instead of globalStorageUri. */
  const storeOn = (folder: vscode.Uri, compactAbove?: number) => new ReviewLogStore(folder, silentLogger, { now: () => new Date((clock += 1000)), compactAbove });
  /** Compaction's threshold in the tests below: the rule is the same as the default's (64), with fewer files to write. */
  const compactAbove = 8;
  const compactingStore = () => storeOn(root, compactAbove);

  beforeEach(() => {
    root = workspaceFile(`review-log-test-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
    clock = Date.parse('2026-12-05T09:00:00Z');
  });

  afterEach(async () => {
    await vscode.workspace.fs.delete(root, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('appends each batch as a new segment, written whole, and reads every review back once', async () => {
    const store = storeOn(root);
    assert.deepEqual(await store.read(), { reviews: [], problems: [] }, 'no log yet');
    const first = [review('redis#persistence', '2026-12-01T09:00:00Z'), review('redis#eviction', '2026-12-01T09:05:00Z', 1)];
    const second = [review('docker#layers', '2026-12-02T09:00:00Z', 4)];
    const firstSegment = await store.append(first);
    const secondSegment = await store.append(second);
    assert.isUndefined(await store.append([]), 'nothing is written for no review');
    assert.ok(firstSegment && secondSegment);

    const files = await names(store.folder);
    assert.lengthOf(files, 2);
    assert.ok(files.every((name) => /^reviews-.*\.jsonl$/.test(name)), `segments only, no temporary file: ${files.join(', ')}`);
    assert.equal(decode(await vscode.workspace.fs.readFile(firstSegment)), serializeReviews(first));

    assert.deepEqual(await store.read(), { reviews: [...first, ...second], problems: [] });

    // An import: only what the log lacks is written, in one more segment.
    const added = await store.appendNew([second[0], review('nginx#location-matching', '2026-12-03T09:00:00Z')]);
    assert.equal(added, 1);
    assert.lengthOf(await names(store.folder), 3);
    // Another window's store on the same folder reads the same log.
    const other = await storeOn(root).read();
    assert.deepEqual(
      other.reviews.map((each) => each.questionId),
      ['redis#persistence', 'redis#eviction', 'docker#layers', 'nginx#location-matching'],
    );
    assert.deepEqual(other.problems, []);
  });

  it('reports a damaged segment with its bad lines, keeps its good reviews, and moves it aside without overwriting', async () => {
    const store = storeOn(root);
    const kept = [review('redis#persistence', '2026-12-01T09:00:00Z')];
    await store.append(kept);

    const good = review('docker#layers', '2026-12-02T09:00:00Z');
    const damagedName = segmentName(new Date('2026-12-02T10:00:00Z'), 'damaged');
    const damagedText = `${serializeReviews([good])}{"questionId": "docker#cache", "ti\n${JSON.stringify({ ...good, grade: 7 })}\n`;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(store.folder, damagedName), encode(damagedText));
    // A file of the same name already set aside earlier: it must survive untouched.
    const earlier = vscode.Uri.joinPath(store.unreadableFolder, damagedName);
    await vscode.workspace.fs.writeFile(earlier, encode('set aside before\n'));
    // A segment that is not UTF-8 at all.
    const binaryName = segmentName(new Date('2026-12-02T11:00:00Z'), 'binary');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(store.folder, binaryName), new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x0a]));

    const read = await store.read();
    assert.deepEqual(read.reviews, [...kept, good], 'the good reviews of every segment');
    assert.lengthOf(read.problems, 2);
    const [damaged, binary] = read.problems;
    assert.equal(damaged.name, damagedName);
    assert.deepEqual(damaged.lines.map((line) => line.line), [2, 3]);
    assert.equal(damaged.lines[0].reason, 'not JSON');
    assert.match(damaged.lines[1].reason, /"grade"/);
    assert.equal(damaged.badLines, 2);
    assert.ok(damaged.movedTo, 'moved aside');
    assert.equal(damaged.movedTo.toString(), vscode.Uri.joinPath(store.unreadableFolder, `${damagedName}.1`).toString());
    assert.equal(decode(await vscode.workspace.fs.readFile(damaged.movedTo)), damagedText, 'moved as it was');
    assert.equal(decode(await vscode.workspace.fs.readFile(earlier)), 'set aside before\n', 'never overwritten');
    assert.equal(binary.name, binaryName);
    assert.equal(binary.reason, 'not valid UTF-8');
    assert.ok(binary.movedTo);

    const segments = await names(store.folder);
    assert.notInclude(segments, damagedName);
    assert.notInclude(segments, binaryName);
    assert.deepEqual(await names(store.unreadableFolder), [binaryName, damagedName, `${damagedName}.1`].sort());

    // Read again: nothing to report, and nothing lost.
    assert.deepEqual(await storeOn(root).read(), { reviews: [...kept, good], problems: [] });
  });

  it('compacts many small segments into one new segment, keeps every review once, and leaves a damaged segment alone', async () => {
    const store = compactingStore();
    const graded = await gradeOneByOne(store, compactAbove + 6);
    const good = review('docker#layers', '2026-12-02T09:00:00Z');
    const damagedName = segmentName(new Date('2026-12-02T10:00:00Z'), 'damaged');
    const damagedText = `${serializeReviews([good])}{"questionId": "docker#cache", "ti\n`;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(store.folder, damagedName), encode(damagedText));
    assert.lengthOf(await names(store.folder), compactAbove + 7);

    const first = await store.read();
    assert.deepEqual(first.reviews.map(reviewKey).sort(), [...graded, good].map(reviewKey).sort(), 'the read that compacts sees every review once');
    assert.deepEqual(first.problems.map((problem) => problem.name), [damagedName]);
    // A grade while the compaction runs: its segment came after the listing, and stays.
    const late = review('nginx#location-matching', '2026-12-03T09:00:00Z');
    await store.append([late]);
    await store.compacted();
    const expected = [...graded, good, late].map(reviewKey).sort();
    const second = await store.read();
    assert.deepEqual(second.reviews.map(reviewKey).sort(), expected);
    assert.deepEqual(second.problems, []);

    const segments = (await names(store.folder)).filter((name) => name.endsWith('.jsonl'));
    assert.isAtMost(segments.length, 3, `the ${compactAbove + 6} one-review segments merged into one (beside the damaged one's good reviews and the late grade): ${segments.join(', ')}`);
    assert.notInclude(await names(store.folder), `${damagedName}.tmp`);
    assert.deepEqual(await keysOnDisk(store.folder), expected, 'on disk, each review once');
    // The damaged segment was moved aside as it was, not merged nor deleted by the compaction.
    assert.equal(decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(store.unreadableFolder, damagedName))), damagedText);
    assert.deepEqual(await compactingStore().read(), { reviews: second.reviews, problems: [] }, 'another window reads the same log');
  });

  it('two windows compacting the same segments at once lose no review (at worst one is on disk twice)', async () => {
    const graded = await gradeOneByOne(compactingStore(), compactAbove + 3);
    const expected = graded.map(reviewKey).sort();
    const [one, other] = [compactingStore(), compactingStore()];
    const reads = await Promise.all([one.read(), other.read()]);
    reads.forEach((read) => assert.deepEqual(read.reviews.map(reviewKey).sort(), expected));
    // Each reads again while the other may still be deleting: a segment gone meanwhile is no loss.
    const during = await Promise.all([one.read(), other.read()]);
    during.forEach((read) => assert.deepEqual(read.reviews.map(reviewKey).sort(), expected));
    await Promise.all([one.compacted(), other.compacted()]);

    const segments = (await names(one.folder)).filter((name) => name.endsWith('.jsonl'));
    assert.isAtMost(segments.length, 2, segments.join(', '));
    assert.deepEqual([...new Set(await keysOnDisk(one.folder))], expected, 'every review is still on disk');
    const after = await compactingStore().read();
    assert.deepEqual(after.reviews.map(reviewKey).sort(), expected, 'each read once');
    assert.deepEqual(after.problems, [], 'a segment the other window deleted meanwhile is no problem');
  });
});
