// A reader of Anki's text files for the tests (unit and both extension hosts: no Node modules).
export interface AnkiFile {
  readonly headers: ReadonlyMap<string, string>;
  readonly rows: readonly (readonly string[])[];
  /** What follows the last line break: empty for a well-formed file. */
  readonly unterminated: string;
}

/**
 * Anki's reading of a text file (https://docs.ankiweb.net/importing/text-files.html): `#key:value`
 * header lines at the top, then records of tab-separated fields; a field in double quotes may
 * hold tabs and line breaks, and `""` in it is one `"`.
 */
export function readAnkiFile(text: string): AnkiFile {
  const headers = new Map<string, string>();
  let position = 0;
  while (text.startsWith('#', position)) {
    const end = text.indexOf('\n', position);
    const line = text.slice(position + 1, end);
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon), line.slice(colon + 1));
    position = end + 1;
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  while (position < text.length) {
    if (text[position] === '"' && field === '') {
      position++;
      for (;;) {
        const quote = text.indexOf('"', position);
        if (quote < 0) {
          throw new Error('a quoted field is not closed');
        }
        field += text.slice(position, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          position = quote + 2;
        } else {
          position = quote + 1;
          break;
        }
      }
      if (text[position] !== '\t' && text[position] !== '\n') {
        throw new Error(`a quoted field ends at a separator, not ${JSON.stringify(text[position])}`);
      }
      continue;
    }
    const character = text[position++];
    if (character === '\t') {
      row.push(field);
      field = '';
    } else if (character === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  return { headers, rows, unterminated: row.join('\t') + field };
}
