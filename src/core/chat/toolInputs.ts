import { isNoteLanguage, type NoteLanguage } from '../notes/note';

/** The input of each language model tool, checked: a model may send anything. */
export interface SearchToolInput {
  readonly query: string;
  readonly topic?: string;
  readonly language?: NoteLanguage;
}

export interface ReadToolInput {
  /** `noteId` (the whole topic's introduction) or `noteId#sectionId`. */
  readonly id: string;
  readonly language?: NoteLanguage;
}

export interface PickToolInput {
  readonly topics: readonly string[];
  readonly count: number;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const idPattern = /^[a-z][a-z0-9-]{0,99}(?:#[a-z0-9][a-z0-9-]{0,99})?$/;
export const maxPickCount = 20;

function record(input: unknown): Record<string, unknown> | undefined {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
}

function optionalLanguage(value: unknown): Checked<NoteLanguage | undefined> {
  if (value === undefined) {
    return { ok: true, value: undefined };
  }
  return isNoteLanguage(value) ? { ok: true, value } : { ok: false, error: '"language" must be "en" or "zh-cn".' };
}

export function checkSearchInput(input: unknown): Checked<SearchToolInput> {
  const fields = record(input);
  if (!fields || typeof fields.query !== 'string' || fields.query.trim() === '') {
    return { ok: false, error: '"query" must be a non-empty string: the words to look for in the notes.' };
  }
  if (fields.topic !== undefined && (typeof fields.topic !== 'string' || !idPattern.test(fields.topic) || fields.topic.includes('#'))) {
    return { ok: false, error: '"topic", when given, must be a topic id such as "redis".' };
  }
  const language = optionalLanguage(fields.language);
  if (!language.ok) {
    return language;
  }
  return { ok: true, value: { query: fields.query.trim().slice(0, 500), topic: fields.topic as string | undefined, language: language.value } };
}

export function checkReadInput(input: unknown): Checked<ReadToolInput> {
  const fields = record(input);
  if (!fields || typeof fields.id !== 'string' || !idPattern.test(fields.id)) {
    return { ok: false, error: '"id" must be a topic id ("redis") or a section id ("redis#q-persistence"), as the search tool returns them.' };
  }
  const language = optionalLanguage(fields.language);
  if (!language.ok) {
    return language;
  }
  return { ok: true, value: { id: fields.id, language: language.value } };
}

export function checkPickInput(input: unknown): Checked<PickToolInput> {
  const fields = record(input) ?? {};
  const topics = fields.topics ?? [];
  if (!Array.isArray(topics) || topics.some((topic) => typeof topic !== 'string' || !idPattern.test(topic) || topic.includes('#'))) {
    return { ok: false, error: '"topics", when given, must be a list of topic ids such as ["redis", "docker"].' };
  }
  const count = fields.count ?? 5;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > maxPickCount) {
    return { ok: false, error: `"count" must be a whole number from 1 to ${maxPickCount}.` };
  }
  return { ok: true, value: { topics: topics as string[], count } };
}
