import * as vscode from 'vscode';
import { isSegmentName, mergeReviews, parseReviews, reviewKey, segmentName, segmentWrittenSince, serializeReviews, type LineProblem, type ReviewRecord } from '../core/practice/reviewLog';
import type { Logger } from '../core/util/logger';

/** A problem met reading the review log; the caller tells the user (through notify.ts). */
export interface ReviewLogProblem {
  /** The segment's file name, e.g. `reviews-2026-12-05T09-30-00-000Z-k3j9x2.jsonl`. */
  readonly name: string;
  readonly uri: vscode.Uri;
  /** What was wrong: the bad lines (1-based, at most a few), or the whole file. */
  readonly lines: readonly LineProblem[];
  readonly badLines: number;
  /** Why the whole file could not be used, when it could not. */
  readonly reason?: string;
  /** Where the damaged segment now lies (under `review-log/unreadable/`), if it was moved. */
  readonly movedTo?: vscode.Uri;
}

export interface ReviewLogContents {
  /** Every review of every readable line, in time order, each once. */
  readonly reviews: readonly ReviewRecord[];
  readonly problems: readonly ReviewLogProblem[];
}

export interface ReviewLogStoreOptions {
  readonly now?: () => Date;
  /** The random part of segment names (tests fix it). */
  readonly randomPart?: () => string;
  /** `compactAboveSegments` by default; `Infinity` never compacts (the bench's log as it was before). */
  readonly compactAbove?: number;
}

/** A segment read whole with no problem: the only kind compaction merges (and then deletes). */
interface CleanSegment {
  readonly uri: vscode.Uri;
  readonly size: number;
  readonly reviews: readonly ReviewRecord[];
}

/** A segment is a few sessions of reviews; one past this size is not ours and is set aside unread. */
export const maxSegmentBytes = 64 * 1024 * 1024;

/** More undamaged segments under `compactedSegmentBytes` than this, and a read merges them. */
export const compactAboveSegments = 64;
/** A merged segment stops growing here: about 16,000 reviews, far under `maxSegmentBytes`. */
export const compactedSegmentBytes = 4 * 1024 * 1024;

export const reviewLogFolderName = 'review-log';
export const unreadableFolderName = 'unreadable';

/**
 * The review log on disk: JSONL segments in `<globalStorageUri>/review-log/`. `workspace.fs`
 * has no append, so each `append` writes a new segment whole, to a temporary name first and
 * then renamed into place: a reader never sees half a segment, and no segment is ever written
 * twice. Reading merges all segments. A damaged segment is reported, its good reviews are
 * copied into a new segment, and it is moved to `review-log/unreadable/` (never overwritten,
 * never deleted) so the user or a later version can still look at it. Only `workspace.fs`:
 * this runs in the web worker host too.
 *
 * Each grade writes a segment, so a year of practice would be thousands of small files, all
 * read on every read. When a read finds more than `compactAbove` clean small segments, it
 * merges them: their reviews are written whole as one new segment, and only once that is
 * renamed into place are the segments it merged deleted. Never a damaged one, never one
 * written after the listing, never rewritten in place. The compaction runs beside the queue,
 * as another window's would, so a grade's append never waits for it: a read meanwhile may meet
 * a review in both the merged segment and its old one (reading merges them), or a segment
 * already deleted. A segment that vanishes while it is read was merged (or moved aside) by
 * this or another window, which wrote its reviews to a new segment first: the folder is listed
 * again for what was written. Two windows may compact the same segments at the same time:
 * both merged segments are kept and hold the same reviews, so the worst case is reviews on
 * disk twice, never one lost.
 */
export class ReviewLogStore implements vscode.Disposable {
  readonly folder: vscode.Uri;
  readonly unreadableFolder: vscode.Uri;
  private readonly now: () => Date;
  private readonly randomPart: () => string;
  private readonly compactAbove: number;
  /** Appends and reads one after another, so a read sees every append made before it. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The compaction under way (one at a time), outside the queue. */
  private compacting: Promise<void> | undefined;
  private readonly appendEmitter = new vscode.EventEmitter<void>();
  /** Fires after reviews were written (a grade, an import): the dashboard recomputes. */
  readonly onDidAppend = this.appendEmitter.event;

  /** `storageRoot` is `context.globalStorageUri` (tests pass a folder of their own). */
  constructor(
    storageRoot: vscode.Uri,
    private readonly logger: Logger,
    options: ReviewLogStoreOptions = {},
  ) {
    this.folder = vscode.Uri.joinPath(storageRoot, reviewLogFolderName);
    this.unreadableFolder = vscode.Uri.joinPath(this.folder, unreadableFolderName);
    this.now = options.now ?? (() => new Date());
    this.randomPart = options.randomPart ?? randomSegmentPart;
    this.compactAbove = options.compactAbove ?? compactAboveSegments;
  }

  /** Writes the reviews as one new segment; nothing is written for none. */
  append(reviews: readonly ReviewRecord[]): Promise<vscode.Uri | undefined> {
    return this.serialized(() => this.writeSegment(reviews));
  }

  dispose(): void {
    this.appendEmitter.dispose();
  }

  /** Appends only the reviews the log does not hold yet (an import); returns how many were new. */
  appendNew(reviews: readonly ReviewRecord[]): Promise<number> {
    return this.serialized(async () => {
      const { reviews: existing } = (await this.readAll()).contents;
      const known = new Set(existing.map(reviewKey));
      const fresh = mergeReviews(reviews).filter((review) => !known.has(reviewKey(review)));
      await this.writeSegment(fresh);
      return fresh.length;
    });
  }

  /** Every review of every segment, and what could not be read; then starts compacting, if worth it. */
  read(): Promise<ReviewLogContents> {
    return this.serialized(async () => {
      const { contents, clean } = await this.readAll();
      // Not awaited: the caller (the dashboard, an export) has its reviews now.
      if (!this.compacting) {
        this.compacting = this.compact(clean).finally(() => (this.compacting = undefined));
      }
      return contents;
    });
  }

  /** Settles when the compaction under way, if any, has finished (for tests and the bench). */
  async compacted(): Promise<void> {
    await this.compacting;
  }

  /** The reviews since `time` (and maybe older ones): only the segments written since are read. */
  async readSince(time: Date): Promise<readonly ReviewRecord[]> {
    const { reviews } = (await this.serialized(() => this.readAll((name) => segmentWrittenSince(name, time)))).contents;
    return reviews.filter((review) => Date.parse(review.time) >= time.getTime());
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** `announce`: tell the dashboard (false when compacting: no review is new). */
  private async writeSegment(reviews: readonly ReviewRecord[], announce = true): Promise<vscode.Uri | undefined> {
    if (reviews.length === 0) {
      return undefined;
    }
    const bytes = new TextEncoder().encode(serializeReviews(reviews));
    await vscode.workspace.fs.createDirectory(this.folder);
    for (let attempt = 0; ; attempt++) {
      const name = segmentName(this.now(), this.randomPart());
      const target = vscode.Uri.joinPath(this.folder, name);
      const temporary = vscode.Uri.joinPath(this.folder, `${name}.tmp`);
      await vscode.workspace.fs.writeFile(temporary, bytes);
      try {
        await vscode.workspace.fs.rename(temporary, target, { overwrite: false });
        if (announce) {
          this.appendEmitter.fire();
        }
        return target;
      } catch (error) {
        // Another window took the same name at the same millisecond: try another name.
        if (attempt >= 4 || !(await exists(target))) {
          throw error;
        }
        await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      }
    }
  }

  /** `wanted`: which segments to read, by name (all by default). */
  private async readAll(wanted: (name: string) => boolean = () => true): Promise<{ contents: ReviewLogContents; clean: readonly CleanSegment[] }> {
    const logs: ReviewRecord[][] = [];
    const problems: ReviewLogProblem[] = [];
    const clean: CleanSegment[] = [];
    const listed = new Set<string>();
    let vanished = false;
    // A segment that vanished was merged or moved aside by another window, which wrote its
    // reviews to a new segment first: list again and read what is new (a few times at most).
    for (let listing = 0; listing < 3 && (listing === 0 || vanished); listing++) {
      const names = (await this.segmentNames()).filter(wanted);
      vanished = false;
      for (const name of names.filter((each) => !listed.has(each))) {
        listed.add(name);
        const uri = vscode.Uri.joinPath(this.folder, name);
        const segment = await this.readSegment(name, uri);
        if (segment === 'vanished') {
          vanished = true;
          continue;
        }
        logs.push([...segment.reviews]);
        if (segment.problem) {
          problems.push(segment.moveAside === false ? segment.problem : await this.setAside(segment.problem, segment.reviews));
        } else {
          clean.push({ uri, size: segment.size, reviews: segment.reviews });
        }
      }
    }
    // While another window compacts, leave the compacting to it.
    return { contents: { reviews: mergeReviews(...logs), problems }, clean: listed.size > 0 && !vanished ? clean : [] };
  }

  /** The segments' names in time order; none when there is no folder yet. */
  private async segmentNames(): Promise<string[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.folder);
    } catch (error) {
      if (await exists(this.folder)) {
        this.logger.warn(`review log: could not list ${this.folder.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return []; // no review yet
    }
    return entries
      .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && isSegmentName(name))
      .map(([name]) => name)
      .sort();
  }

  /**
   * Merges clean small segments, in time order, into new segments of up to
   * `compactedSegmentBytes`, when there are more than `compactAbove` of them. Each merged
   * segment is written whole (temporary name, then renamed) before the segments it holds are
   * deleted; if the write fails nothing is deleted, and if a delete fails the reviews are there
   * twice, which reading merges. Never rejects.
   */
  private async compact(segments: readonly CleanSegment[]): Promise<void> {
    const small = segments.filter((segment) => segment.size < compactedSegmentBytes);
    if (small.length <= this.compactAbove) {
      return;
    }
    const groups: CleanSegment[][] = [];
    let groupBytes = 0;
    for (const segment of small) {
      const group = groups.at(-1);
      if (group && groupBytes + segment.size <= compactedSegmentBytes) {
        group.push(segment);
        groupBytes += segment.size;
      } else {
        groups.push([segment]);
        groupBytes = segment.size;
      }
    }
    let merged = 0;
    for (const group of groups.filter((each) => each.length > 1)) {
      try {
        await this.writeSegment(mergeReviews(...group.map((segment) => segment.reviews)), false);
      } catch (error) {
        this.logger.warn(`review log: could not compact ${group.length} segments: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      for (const segment of group) {
        // Another window compacting the same segments may have deleted it already.
        await vscode.workspace.fs.delete(segment.uri, { useTrash: false }).then(undefined, () => undefined);
      }
      merged += group.length;
    }
    this.logger.info(`review log: merged ${merged} segments into ${groups.filter((each) => each.length > 1).length}`);
  }

  private async readSegment(
    name: string,
    uri: vscode.Uri,
  ): Promise<{ reviews: readonly ReviewRecord[]; size: number; problem?: Omit<ReviewLogProblem, 'movedTo'>; moveAside?: boolean } | 'vanished'> {
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxSegmentBytes) {
        return { reviews: [], size: stat.size, problem: { name, uri, lines: [], badLines: 0, reason: `larger than ${maxSegmentBytes / 1024 / 1024} MB` } };
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        return 'vanished';
      }
      // Reported but not moved: what cannot be read may not be movable either, and it may be readable next time.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`review log: could not read ${uri.toString(true)}: ${message}`);
      return { reviews: [], size: 0, problem: { name, uri, lines: [], badLines: 0, reason: `could not be read: ${message}` }, moveAside: false };
    }
    let text: string;
    let reason: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
      reason = 'not valid UTF-8';
    }
    const parsed = parseReviews(text);
    if (parsed.badLines === 0 && !reason) {
      return { reviews: parsed.reviews, size: bytes.length };
    }
    return { reviews: parsed.reviews, size: bytes.length, problem: { name, uri, lines: parsed.problems, badLines: parsed.badLines, reason } };
  }

  /**
   * Keeps the good reviews of a damaged segment in a new segment, then moves the damaged one
   * aside. In that order: if the move fails, the reviews are there twice, and merging reads
   * them once; nothing is ever lost.
   */
  private async setAside(problem: Omit<ReviewLogProblem, 'movedTo'>, goodReviews: readonly ReviewRecord[]): Promise<ReviewLogProblem> {
    this.logger.warn(
      `review log: ${problem.name} is damaged (${problem.reason ?? `${problem.badLines} bad lines`}${problem.lines.map((line) => `; line ${line.line}: ${line.reason}`).join('')})`,
    );
    try {
      await this.writeSegment(goodReviews);
      await vscode.workspace.fs.createDirectory(this.unreadableFolder);
      for (let attempt = 0; attempt < 100; attempt++) {
        const movedTo = vscode.Uri.joinPath(this.unreadableFolder, attempt === 0 ? problem.name : `${problem.name}.${attempt}`);
        if (await exists(movedTo)) {
          continue;
        }
        await vscode.workspace.fs.rename(problem.uri, movedTo, { overwrite: false });
        this.logger.info(`review log: moved ${problem.name} to ${movedTo.toString(true)}`);
        return { ...problem, movedTo };
      }
    } catch (error) {
      // Another window may have moved it already; either way it stays where it is, unharmed.
      this.logger.warn(`review log: could not move ${problem.name} aside: ${error instanceof Error ? error.message : String(error)}`);
    }
    return problem;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** Eight random base-36 characters (crypto in both the Node and the web worker host). */
function randomSegmentPart(): string {
  const values = new Uint32Array(2);
  globalThis.crypto.getRandomValues(values);
  return Array.from(values, (value) => value.toString(36).padStart(7, '0')).join('').slice(0, 8);
}
