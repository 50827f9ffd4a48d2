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
