/**
 * The text a snippet inserts when every tab stop, placeholder and choice keeps its default:
 * `$1` and `${1}` become nothing, `${1:text}` becomes text (nested ones too), `${1|a,b|}`
 * becomes a, variables become their default or nothing, and `\$`, `\}`, `\\` are unescaped.
 */
export function expandSnippetBody(body: string): string {
  return new SnippetExpander(body).expand(false);
}

const simpleName = /\d+|[A-Za-z_][A-Za-z0-9_]*/y;
const bracedName = /\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/y;

/** Placeholders nested deeper than this are read as text: a hostile snippet file must not exhaust the stack. */
const maxPlaceholderDepth = 100;

class SnippetExpander {
  private position = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  /** Reads until the end, or until an unescaped `}` when inside a placeholder. */
  expand(insidePlaceholder: boolean): string {
    let result = '';
    while (this.position < this.text.length) {
      const character = this.text.charAt(this.position);
      if (character === '\\' && this.position + 1 < this.text.length && '$}\\,|'.includes(this.text.charAt(this.position + 1))) {
        result += this.text.charAt(this.position + 1);
        this.position += 2;
      } else if (character === '}' && insidePlaceholder) {
        return result;
      } else if (character === '$') {
        result += this.readDollar();
      } else {
        result += character;
        this.position++;
      }
    }
    return result;
  }

  private readDollar(): string {
    if (this.depth >= maxPlaceholderDepth) {
      this.position++;
      return '$';
    }
    // Sticky patterns read from the `$` on, without copying the rest of the body for each `$`.
    simpleName.lastIndex = this.position + 1;
    const simple = simpleName.exec(this.text);
    if (simple) {
      this.position += 1 + simple[0].length;
      return '';
    }
    bracedName.lastIndex = this.position + 1;
    const braced = bracedName.exec(this.text);
    if (!braced) {
      this.position++;
      return '$';
    }
    this.position += 1 + braced[0].length;
    const next = this.text.charAt(this.position);
    if (next === '}') {
      this.position++;
      return '';
    }
    if (next === ':') {
      this.position++;
      this.depth++;
      const inner = this.expand(true);
      this.depth--;
      this.position++; // the closing brace
      return inner;
    }
    if (next === '|') {
      const end = this.text.indexOf('|}', this.position + 1);
      const choices = this.text.slice(this.position + 1, end < 0 ? undefined : end);
      this.position = end < 0 ? this.text.length : end + 2;
      return choices.split(/(?<!\\),/)[0].replace(/\\([,|\\])/g, '$1');
    }
    // Transforms (`${1/regex/format/}`) are not used by the library; keep the text as it is.
    return this.text.slice(this.position - braced[0].length - 1, this.position);
  }
}
