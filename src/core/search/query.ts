/** A search box query: free text plus `#tag` and `topic:name` filters. */
export interface ParsedQuery {
  readonly text: string;
  readonly tags: readonly string[];
  readonly topics: readonly string[];
}

export function parseQuery(input: string): ParsedQuery {
  const tags: string[] = [];
  const topics: string[] = [];
  const words: string[] = [];
  for (const word of input.trim().split(/\s+/)) {
    if (word.length > 1 && word.startsWith('#')) {
      tags.push(word.slice(1).toLowerCase());
    } else if (/^topic:./i.test(word)) {
      topics.push(word.slice('topic:'.length).toLowerCase());
    } else if (word) {
      words.push(word);
    }
  }
  return { text: words.join(' '), tags, topics };
}

/** What the filters can be: the topics (id and title) and every tag. */
export interface FilterValues {
  readonly topics: readonly { readonly id: string; readonly title: string }[];
  readonly tags: readonly string[];
}

export interface FilterSuggestion {
  readonly kind: 'tag' | 'topic';
  /** The finished filter: `#cache`, `topic:redis`. */
  readonly filter: string;
  /** The topic's title, for a topic. */
  readonly title?: string;
  /** The whole query with the filter finished, and a space to go on typing. */
  readonly query: string;
}

/**
 * While the word being typed is `#…` or `topic:…`, the tags or topics it can become: those
 * that start with what is typed first, then those that contain it (a topic's title too).
 * Nothing once the word is finished (followed by a space) or matches a value exactly.
 */
export function filterSuggestions(input: string, values: FilterValues, limit = 30): FilterSuggestion[] {
  const typed = lastWordOf(input);
  const before = input.slice(0, input.length - typed.length);
  const isTag = typed.startsWith('#');
  const isTopic = /^topic:/i.test(typed);
  if (!isTag && !isTopic) {
    return [];
  }
  const prefix = (isTag ? typed.slice(1) : typed.slice('topic:'.length)).toLowerCase();
  const candidates = isTag
    ? [...new Set(values.tags)].sort().map((tag) => ({ key: tag, title: undefined as string | undefined, haystack: tag }))
    : values.topics.map((topic) => ({ key: topic.id, title: topic.title, haystack: `${topic.id} ${topic.title.toLowerCase()}` }));
  if (candidates.some((candidate) => candidate.key === prefix)) {
    return [];
  }
  const starting = candidates.filter((candidate) => candidate.key.startsWith(prefix));
  const containing = candidates.filter((candidate) => !candidate.key.startsWith(prefix) && candidate.haystack.includes(prefix));
  return [...starting, ...containing].slice(0, limit).map((candidate) => {
    const filter = isTag ? `#${candidate.key}` : `topic:${candidate.key}`;
    return { kind: isTag ? 'tag' : 'topic', filter, title: candidate.title, query: `${before}${filter} ` };
  });
}

/** The query without the word being typed, when that word is an unfinished filter. */
export function withoutUnfinishedFilter(input: string): string {
  const typed = lastWordOf(input);
  return typed.startsWith('#') || /^topic:/i.test(typed) ? input.slice(0, input.length - typed.length) : input;
}

/** The text after the last white space: what is being typed ('' after a space). */
function lastWordOf(text: string): string {
  let start = text.length;
  while (start > 0 && !/\s/.test(text[start - 1])) {
    start--;
  }
  return text.slice(start);
}
