import * as vscode from 'vscode';
import { questionsOf, type Note, type NoteLanguage } from '../core/notes/note';
import { ankiTextFile, ankiTopicDeck, type AnkiQuestion } from '../core/practice/ankiExport';
import { questionIdOf } from '../core/practice/progress';
import { answerMarkdown } from '../core/practice/questionCard';
import { plainUiText } from '../core/text/untrustedText';
import { commands } from './commandIds';
import { Disposable } from './disposable';
import type { LoadedNote } from './noteLibrary';
import { preferredNoteLanguage } from './noteLanguage';
import { showInformation } from './notify';
import type { ExtensionServices } from './services';
import { textEngine } from './textEngine';

/** How `interviewNotes.exportAnki` may be called without asking (tests, other commands). */
export interface ExportAnkiArguments {
  readonly topics?: readonly string[];
  /** The display language only, or one note per question in each language. */
  readonly languages?: 'display' | 'both';
  /** Where to write, as the save dialog would answer. */
  readonly target?: vscode.Uri;
}

const defaultFileName = 'interview-notes-anki.txt';

/**
 * "Export Questions for Anki…": the chosen topics' questions as a text file Anki 2.1.55+
 * imports (the core's `ankiTextFile`): front the question, back the model answer rendered by
 * the reader's renderer and cleaned to plain HTML, each topic in its own subdeck, one GUID per
 * question and language so that a second import updates the notes.
 */
export class AnkiExport extends Disposable {
  constructor(private readonly services: ExtensionServices) {
    super();
    this.register(vscode.commands.registerCommand(commands.exportAnki, (options?: ExportAnkiArguments) => this.export(options)));
  }

  async export(options?: ExportAnkiArguments): Promise<vscode.Uri | undefined> {
    const display = preferredNoteLanguage();
    const topics = await this.services.library.topics(display);
    const chosen = options?.topics ? topics.filter((topic) => options.topics?.includes(topic.note.id)) : await this.pickTopics(topics);
    if (!chosen || chosen.length === 0) {
      return undefined;
    }
    const languages = options?.languages ?? (await this.pickLanguages(display));
    if (!languages) {
      return undefined;
    }
    const target =
      options?.target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Questions for Anki'),
        defaultUri: defaultTarget(),
        filters: { [vscode.l10n.t('Text files')]: ['txt'] },
      }));
    if (!target) {
      return undefined;
    }
    const notes = languages === 'both' ? await this.bothLanguages(chosen) : chosen.map((topic) => topic.note);
    const questions = this.ankiQuestions(notes);
    // The save dialog has asked before replacing a file; nothing else is ever overwritten.
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(ankiTextFile(questions, { deckColumn: true })));
    this.services.logger.info(`anki: exported ${questions.length} questions to ${target.toString(true)}`);
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    const openFile = vscode.l10n.t('Open');
    const actions = target.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop ? [reveal, openFile] : [openFile];
    void showInformation(
      vscode.l10n.t('Exported {0} questions for Anki to {1}. In Anki: File > Import, and keep "Update existing notes" to update an earlier import.', questions.length, target.fsPath || target.toString(true)),
      ...actions,
    ).then(async (answer) => {
      if (answer === reveal) {
        await vscode.commands.executeCommand('revealFileInOS', target);
      } else if (answer === openFile) {
        await vscode.window.showTextDocument(target);
      }
    });
    return target;
  }

  /** Each question of the notes, its answer rendered from its own Markdown only. */
  private ankiQuestions(notes: readonly Note[]): AnkiQuestion[] {
    const renderer = textEngine().createNoteRenderer();
    return notes.flatMap((note) =>
      questionsOf(note).map((question): AnkiQuestion => {
        const answer = answerMarkdown(note, question.id);
        return {
          language: note.language,
          questionId: questionIdOf(note.id, question.id),
          question: question.title,
          answerHtml: answer ? renderer.render(answer.markdown) : '',
          tags: ['interview-notes', note.id, note.language, ...note.tags],
          deck: ankiTopicDeck(note.title),
        };
      }),
    );
  }

  /** Each topic in English and in Chinese, where the translation exists (a note is never taken twice). */
  private async bothLanguages(chosen: readonly LoadedNote[]): Promise<Note[]> {
    const notes: Note[] = [];
    for (const topic of chosen) {
      for (const language of ['en', 'zh-cn'] as const satisfies readonly NoteLanguage[]) {
        const loaded = await this.services.library.note(topic.note.id, language);
        if (loaded && loaded.note.language === language) {
          notes.push(loaded.note);
        }
      }
    }
    return notes;
  }

  private async pickTopics(topics: readonly LoadedNote[]): Promise<LoadedNote[] | undefined> {
    type Item = vscode.QuickPickItem & { readonly topic: LoadedNote };
    const picked = await vscode.window.showQuickPick(
      topics.map((topic): Item => ({ label: plainUiText(topic.note.title, 200), description: vscode.l10n.t('{0} questions', questionsOf(topic.note).length), topic })),
      { title: vscode.l10n.t('Export Questions for Anki'), placeHolder: vscode.l10n.t('Tick the topics to export'), canPickMany: true },
    );
    return picked?.map((item) => item.topic);
  }

  private async pickLanguages(display: NoteLanguage): Promise<'display' | 'both' | undefined> {
    type Item = vscode.QuickPickItem & { readonly languages: 'display' | 'both' };
    const items: Item[] = [
      { label: display === 'zh-cn' ? vscode.l10n.t('Chinese') : vscode.l10n.t('English'), description: vscode.l10n.t('the language the notes are shown in'), languages: 'display' },
      { label: vscode.l10n.t('English and Chinese'), description: vscode.l10n.t('one Anki note per question and language'), languages: 'both' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Questions for Anki'), placeHolder: vscode.l10n.t('Which language?') });
    return picked?.languages;
  }
}

/** `interview-notes-anki.txt` in the workspace folder, else in the home folder (when the host knows it). */
function defaultTarget(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder) {
    return vscode.Uri.joinPath(folder, defaultFileName);
  }
  const home = typeof process === 'object' ? process.env?.HOME : undefined;
  return home ? vscode.Uri.joinPath(vscode.Uri.file(home), defaultFileName) : undefined;
}

export function registerAnkiExport(services: ExtensionServices): AnkiExport {
  return new AnkiExport(services);
}
