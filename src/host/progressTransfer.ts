import * as vscode from 'vscode';
import { questionsOf } from '../core/notes/note';
import { questionIdOf } from '../core/practice/progress';
import { maxProgressExportBytes, parseProgressExport, serializeProgressExport } from '../core/practice/progressExport';
import type { ReviewRecord } from '../core/practice/reviewLog';
import type { Logger } from '../core/util/logger';
import type { NoteLibrary } from './noteLibrary';
import { askWarning, showError, showInformation, showWarning } from './notify';
import type { ProgressStore } from './practiceProgress';
import type { ReviewLogStore } from './reviewLogStore';

export type ImportOutcome =
  | {
      readonly imported: number;
      readonly kept: number;
      readonly unknown: number;
      /** Reviews of the file the log did not hold yet (written as one new segment). */
      readonly reviewsAdded: number;
      /** Reviews of the file that could not be read (reported, left out). */
      readonly badReviews: number;
    }
  | { readonly refused: string };

/**
 * Practice progress out of VS Code and back: export, import (merged), and reset of one topic.
 * The export file (version 2) carries the review log too; the log is the one the progress
 * store keeps (services.ts makes it over globalStorageUri), or the one given here (tests).
 */
export class ProgressTransfer {
  constructor(
    private readonly library: NoteLibrary,
    private readonly store: ProgressStore,
    private readonly logger: Logger,
    private readonly reviewLog: ReviewLogStore | undefined = store.reviewLog,
  ) {}

  /** Writes the progress as JSON where the user chooses; VS Code's save dialog asks before replacing a file. */
  async exportProgress(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Practice Progress'),
        defaultUri: this.defaultFolder('interview-notes-progress.json'),
        filters: { JSON: ['json'] },
      }));
    if (!uri) {
      return undefined;
    }
    const reviews = await this.readReviewLog();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeProgressExport(this.store.progress, reviews)));
    void showInformation(vscode.l10n.t('Exported the progress of {0} questions to {1}.', Object.keys(this.store.progress.cards).length, uri.fsPath || uri.toString(true)));
    return uri;
  }

  /** The review log for an export; damaged segments are reported (the store has moved them aside) and the rest exported. */
  private async readReviewLog(): Promise<readonly ReviewRecord[]> {
    if (!this.reviewLog) {
      return [];
    }
    const { reviews, problems } = await this.reviewLog.read();
    if (problems.length > 0) {
      const [first] = problems;
      const where = (first.movedTo ?? first.uri).toString(true);
      void showWarning(
        vscode.l10n.t('{0} review log files could not be read in full; the readable reviews were exported and the files kept at {1}.', problems.length, where),
      );
    }
    return reviews;
  }

  /**
   * Reads a progress file (version 1, or 2 with the review log) and merges it: for each
   * question the later review wins. A progress part that fails validation anywhere refuses
   * the whole file, with the file and the problem named. Reviews are merged without
   * duplicates into a new segment of the log; a bad review is reported by its place in the
   * file and left out, and the file itself is never written to.
   */
  async importProgress(source?: vscode.Uri): Promise<ImportOutcome | undefined> {
    const uri =
      source ??
      (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Practice Progress'), canSelectMany: false, filters: { JSON: ['json'] }, defaultUri: this.defaultFolder() }))?.[0];
    if (!uri) {
      return undefined;
    }
    const name = uri.fsPath || uri.toString(true);
    const refuse = (problem: string) => {
      this.logger.warn(`practice: refused to import ${name}: ${problem}`);
      void showError(vscode.l10n.t('Practice progress was not imported from {0}: {1}. Nothing was changed.', name, problem));
      return { refused: problem };
    };
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0) {
        return refuse(vscode.l10n.t('not a regular file'));
      }
      if (stat.size > maxProgressExportBytes) {
        return refuse(vscode.l10n.t('the file is larger than {0} MB', maxProgressExportBytes / 1024 / 1024));
      }
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      return refuse(error instanceof Error ? error.message : String(error));
    }
    const knownIds = new Set((await this.library.allNotes()).flatMap(({ note }) => questionsOf(note).map((question) => questionIdOf(note.id, question.id))));
    const result = parseProgressExport(text, knownIds);
    if (!result.ok) {
      return refuse(result.problem);
    }
    const merged = await this.store.merge(result.progress);
    const unknown = result.unknownIds.length;
    const reviewsAdded = this.reviewLog && result.reviews.length > 0 ? await this.reviewLog.appendNew(result.reviews) : 0;
    const summary =
      unknown > 0
        ? vscode.l10n.t('Imported {0} questions ({1} kept as newer here); {2} are not in your notes and were kept for when they come back.', merged.taken.length, merged.kept.length, unknown)
        : vscode.l10n.t('Imported {0} questions ({1} kept as newer here).', merged.taken.length, merged.kept.length);
    const reviewSummary = result.version === 2 ? ` ${vscode.l10n.t('{0} new reviews added to the review log.', reviewsAdded)}` : '';
    const reviewProblem = result.reviewLogProblem ?? result.reviewProblems.map((problem) => vscode.l10n.t('review {0}: {1}', problem.line, problem.reason)).join('; ');
    if (reviewProblem) {
      this.logger.warn(`practice: ${name}: ${result.badReviews} reviews not imported: ${reviewProblem}`);
      void showWarning(`${summary}${reviewSummary} ${vscode.l10n.t('Some reviews in {0} could not be read and were left out ({1}); the file was not changed.', name, reviewProblem)}`);
    } else {
      void showInformation(`${summary}${reviewSummary}`);
    }
    return { imported: merged.taken.length, kept: merged.kept.length, unknown, reviewsAdded, badReviews: result.reviewLogProblem ? 1 : result.badReviews };
  }

  /** Forgets one topic's progress (no confirmation: the command asks first). */
  async resetTopic(noteId: string): Promise<number> {
    return this.store.resetNote(noteId);
  }

  async confirmAndResetTopic(topic: unknown): Promise<number> {
    const topics = await this.library.topics();
    const fromTree = typeof topic === 'object' && topic !== null && 'note' in topic ? (topic as { note: { id: unknown } }).note.id : topic;
    let chosen = topics.find((loaded) => loaded.note.id === fromTree);
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        topics.map((loaded) => ({ label: loaded.note.title, loaded })),
        { title: vscode.l10n.t('Reset Practice Progress of a Topic') },
      );
      chosen = picked?.loaded;
    }
    if (!chosen) {
      return 0;
    }
    const reset = vscode.l10n.t('Reset');
    const answer = await askWarning(
      vscode.l10n.t('Forget all practice of "{0}"? Its questions start as new again.', chosen.note.title),
      vscode.l10n.t('Export your progress first if you may want it back.'),
      reset,
    );
    if (answer !== reset) {
      return 0;
    }
    return this.resetTopic(chosen.note.id);
  }

  private defaultFolder(fileName?: string): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder && fileName ? vscode.Uri.joinPath(folder, fileName) : folder;
  }
}
