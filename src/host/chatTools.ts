import * as vscode from 'vscode';
import type { SearchHit } from '../core/search/searchIndex';
import { checkPickInput, checkReadInput, checkSearchInput, type Checked } from '../core/chat/toolInputs';
import { interviewNotesOf } from './chatNotes';
import { chatToolNames } from './commandIds';
import type { ExtensionServices } from './services';

const textResult = (text: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

/** A clear error for the model, as a result rather than an exception, so it can correct its input. */
const errorResult = (error: string) => textResult(`Error: ${error}`);

/** How a section is cited: its id, which the read tool and the reader take. */
const sectionId = (hit: Pick<SearchHit, 'noteId' | 'sectionId'>) => (hit.sectionId ? `${hit.noteId}#${hit.sectionId}` : hit.noteId);

/**
 * Tools any chat agent can call: search the notes, read a section, pick practice questions.
 * They only read; nothing changes without the user's click.
 */
export function registerChatTools(services: ExtensionServices): vscode.Disposable {
  function tool<T>(check: (input: unknown) => Checked<T>, run: (input: T) => Promise<string>): vscode.LanguageModelTool<unknown> {
    return {
      async invoke(options) {
        const checked = check(options.input);
        return checked.ok ? textResult(await run(checked.value)) : errorResult(checked.error);
      },
    };
  }
  return vscode.Disposable.from(
    vscode.lm.registerTool(
      chatToolNames.search,
      tool(checkSearchInput, async ({ query, topic, language }) => {
        const hits = await interviewNotesOf(services, language, topic).search(query, 8);
        if (hits.length === 0) {
          return `No section of the notes matches "${query}". Do not answer from the notes on this.`;
        }
        return hits.map((hit) => `- id: ${sectionId(hit)}\n  title: ${hit.noteTitle} / ${hit.heading}\n  kind: ${hit.kind}\n  excerpt: ${hit.excerpt}`).join('\n');
      }),
    ),
    vscode.lm.registerTool(
      chatToolNames.read,
      tool(checkReadInput, async ({ id, language }) => {
        const [noteId, section] = id.split('#');
        const notes = interviewNotesOf(services, language);
        const text = await notes.sectionText(noteId, section);
        if (text === undefined) {
          return `Error: there is no section "${id}" in the notes. Use the search tool to find section ids.`;
        }
        return `id: ${id}\n\n${text}`;
      }),
    ),
    vscode.lm.registerTool(
      chatToolNames.pick,
      tool(checkPickInput, async ({ topics, count }) => {
        const notes = interviewNotesOf(services);
        const ids = await notes.nextQuestions(topics, count);
        if (ids.length === 0) {
          return topics.length > 0 ? `No questions in the topics ${topics.join(', ')}: check the topic ids with the search tool.` : 'No questions to practise.';
        }
        const questions = await Promise.all(ids.map((id) => notes.question(id)));
        return questions.flatMap((question) => (question ? [`- id: ${question.id}\n  topic: ${question.noteTitle}\n  question: ${question.question}`] : [])).join('\n');
      }),
    ),
  );
}
