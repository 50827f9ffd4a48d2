/**
 * The reader's grammars: for each fence language, an ordered list of rules. At each place
 * in the code the first rule that matches wins, so comments and strings come before words.
 * Rules are regular-expression sources without capturing groups of their own.
 */

export type Scope =
  | 'comment' | 'string' | 'number' | 'keyword' | 'literal' | 'built_in' | 'type' | 'title'
  | 'attr' | 'attribute' | 'variable' | 'meta' | 'section' | 'addition' | 'deletion' | 'bullet';

/** Decides a word's scope; `previousWord` is the word the same classifier saw last. */
export type WordClassifier = (word: string, previousWord: string) => Scope | undefined;

export type Rule = readonly [Scope | WordClassifier, string];

export interface Grammar {
  readonly rules: readonly Rule[];
  readonly caseInsensitive?: boolean;
}

function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

interface WordTable {
  readonly keyword?: string;
  readonly literal?: string;
  readonly built_in?: string;
  readonly type?: string;
  /** Keywords after which the next word is a name being defined (`def`, `class`). */
  readonly titleAfter?: string;
  /** SQL and Dockerfile keywords are matched whatever their case. */
  readonly ignoreCase?: boolean;
}

function classifier(table: WordTable): WordClassifier {
  const scopes = new Map<string, Scope>();
  for (const scope of ['built_in', 'type', 'literal', 'keyword'] as const) {
    for (const word of wordSet(table[scope] ?? '')) {
      scopes.set(table.ignoreCase ? word.toLowerCase() : word, scope);
    }
  }
  const titleAfter = wordSet(table.titleAfter ?? '');
  return (word, previousWord) => {
    if (titleAfter.has(previousWord)) {
      return 'title';
    }
    return scopes.get(table.ignoreCase ? word.toLowerCase() : word);
  };
}

// Shared rule sources.
const endOfInput = '(?![\\s\\S])';
const doubleQuoted = '"(?:[^"\\\\\\n]|\\\\.)*"?';
const singleQuoted = "'(?:[^'\\\\\\n]|\\\\.)*'?";
const cBlockComment = `/\\*[\\s\\S]*?(?:\\*/|${endOfInput})`;
const lineComment = '//.*';
const hashComment = '#.*';
// Keys and string-keys must be closed: an open quote would be re-scanned for a `:` at every
// place it gives back, which is quadratic on a long unterminated string.
const closedDoubleQuoted = '"(?:[^"\\\\\\n]|\\\\.)*"';
const closedSingleQuoted = "'(?:[^'\\\\\\n]|\\\\.)*'";
// Look-behinds look back over at most this much indentation: an unbounded `[ \t]*` there
// would re-scan a long run of spaces from every place in it (quadratic in the run).
const indent = '[ \\t]{0,64}';
const yamlKeyIndent = `${indent}(?:-[ \\t]{1,8}){0,8}`;
const number = '\\b(?:0[xX][\\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|\\d[\\d_]*(?:\\.\\d[\\d_]*)?(?:[eE][+-]?\\d+)?)[jJlLfFnN]?\\b';
const word = '[A-Za-z_][\\w]*';

const javascriptWords: WordTable = {
  keyword: 'break case catch class const continue debugger default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while with yield async await get set',
  literal: 'true false null undefined NaN Infinity',
  built_in: 'console window document globalThis Promise Array Object String Number Boolean JSON Math Date Map Set WeakMap Error RegExp Symbol require module exports process setTimeout clearTimeout fetch',
  titleAfter: 'function class',
};

const typescriptWords: WordTable = {
  ...javascriptWords,
  keyword: `${javascriptWords.keyword} as implements interface package private protected public readonly enum type namespace declare abstract keyof satisfies infer is`,
  type: 'string number boolean any unknown never object bigint symbol',
  titleAfter: 'function class interface type enum',
};

function cLike(words: WordTable, extra: readonly Rule[] = []): Grammar {
  return {
    rules: [
      ['comment', lineComment],
      ['comment', cBlockComment],
      ...extra,
      ['string', doubleQuoted],
      ['string', singleQuoted],
      ['number', number],
      [classifier(words), `[A-Za-z_$][\\w$]*`],
    ],
  };
}

const templateString = '`(?:[^`\\\\]|\\\\[\\s\\S])*`?';

const python: Grammar = {
  rules: [
    ['comment', hashComment],
    ['string', `[rRbBuUfF]{0,2}(?:"""[\\s\\S]*?(?:"""|${endOfInput})|'''[\\s\\S]*?(?:'''|${endOfInput}))`],
    ['string', `[rRbBuUfF]{0,2}(?:${doubleQuoted}|${singleQuoted})`],
    ['meta', '^[ \\t]*@[A-Za-z_][\\w.]*'],
    ['number', number],
    [classifier({
      keyword: 'and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case',
      literal: 'True False None',
      built_in: 'print len range open super isinstance issubclass dict list set tuple str int float bool bytes object type enumerate zip map filter sorted reversed min max sum any all abs getattr setattr hasattr property staticmethod classmethod iter next id hash repr format vars callable Exception ValueError TypeError KeyError RuntimeError StopIteration self cls',
      titleAfter: 'def class',
    }), word],
  ],
};

const sql: Grammar = {
  rules: [
    ['comment', '--.*'],
    ['comment', hashComment],
    ['comment', cBlockComment],
    ['string', "'(?:[^'\\\\]|\\\\[\\s\\S]|'')*'?"],
    ['string', doubleQuoted],
    ['variable', '@@?[A-Za-z_][\\w.]*'],
    ['number', number],
    [classifier({
      ignoreCase: true,
      keyword: 'select from where and or not in is like between exists as on join inner left right outer full cross natural using group by order having limit offset union all distinct insert into values update set delete create table index view drop alter add column primary key foreign references unique constraint default auto_increment if begin commit rollback transaction start savepoint release lock unlock for share explain analyze show databases tables use database grant revoke with recursive case when then else end asc desc isolation level read write committed uncommitted repeatable serializable session global engine charset character collate check cascade truncate rename replace partition over window rows range preceding following current unbounded procedure function trigger returns declare call do while loop return nowait skip locked force ignore duplicate modify change after before each row key_block_size comment',
      type: 'int integer bigint smallint tinyint mediumint decimal numeric float double real char varchar text tinytext mediumtext longtext blob longblob date datetime timestamp time year json boolean bool enum binary varbinary unsigned',
      built_in: 'count sum avg min max now coalesce ifnull nullif concat substring substr length char_length lower upper trim round floor ceil row_number rank dense_rank lag lead cast convert date_format unix_timestamp last_insert_id uuid md5 sha2 json_extract group_concat',
      literal: 'null true false',
    }), word],
  ],
};

const shellVariable = '\\$(?:\\{[^}\\n]*\\}|[A-Za-z_]\\w*|[0-9@#?$!*-])';

const bash: Grammar = {
  rules: [
    ['comment', '(?<![^\\s;|&(])#.*'],
    ['meta', '^[ \\t]*\\$(?=[ \\t])'],
    ['string', '"(?:[^"\\\\]|\\\\[\\s\\S])*"?'],
    ['string', "'[^']*'?"],
    ['variable', shellVariable],
    ['number', '\\b\\d+(?:\\.\\d+)?\\b'],
    [classifier({
      keyword: 'if then else elif fi for in do done while until case esac function return export local readonly unset set shift exit break continue select time',
      literal: 'true false',
      built_in: 'echo printf cd ls cat grep egrep sed awk sort uniq wc cut tr tee sudo apt-get apt yum dnf docker docker-compose kubectl curl wget mkdir rm cp mv ln chmod chown touch source exec kill killall ps top git npm npx node pip pip3 python python3 nginx systemctl service journalctl redis-cli redis-server mysql mysqldump tar gzip find xargs head tail test read eval env which openssl ssh scp rsync gunicorn uwsgi celery flask',
    }), '[A-Za-z_][\\w-]*'],
  ],
};

const dockerfile: Grammar = {
  rules: [
    ['comment', '^[ \\t]*#.*'],
    [classifier({
      ignoreCase: true,
      keyword: 'from run cmd entrypoint label expose env add copy volume user workdir arg onbuild stopsignal healthcheck shell maintainer',
    }), '^[ \\t]*[A-Za-z]+(?=[ \\t]|$)'],
    ['string', doubleQuoted],
    ['string', singleQuoted],
    ['variable', shellVariable],
    ['number', '\\b\\d+(?:\\.\\d+)*\\b'],
    [classifier({ keyword: 'AS' }), '\\bAS\\b'],
  ],
};

const nginxBlocks = wordSet('http server location upstream events stream map geo types if limit_except split_clients');

const nginx: Grammar = {
  rules: [
    ['comment', hashComment],
    ['string', doubleQuoted],
    ['string', singleQuoted],
    ['variable', '\\$(?:\\{\\w+\\}|\\w+)'],
    // Block directives read as sections, as in highlight.js; every other directive is an attribute.
    [(directive) => (nginxBlocks.has(directive) ? 'section' : 'attribute'), `(?<=^${indent}|[{;]${indent})[a-z_][\\w]*`],
    ['number', '\\b\\d+(?:\\.\\d+)*(?:[kKmMgG]|ms|[smhdwy])?\\b'],
    [classifier({ literal: 'on off' }), word],
  ],
};

const yamlScalarStart = '(?<=^|[\\s:\\[{,])';

const yaml: Grammar = {
  rules: [
    ['comment', '(?<![^\\s])#.*'],
    ['meta', '^(?:---|\\.\\.\\.)(?=[ \\t]|$)'],
    ['attr', `(?<=^${yamlKeyIndent})[\\w$./][\\w$./ -]*?(?=:(?:[ \\t]|$))`],
    ['attr', `(?<=^${yamlKeyIndent})(?:${closedDoubleQuoted}|${closedSingleQuoted})(?=:(?:[ \\t]|$))`],
    ['bullet', `(?<=^${indent})-(?=[ \\t]|$)`],
    ['string', `${yamlScalarStart}(?:${doubleQuoted}|${singleQuoted})`],
    ['type', '(?<=^|\\s)[&*][\\w-]+'],
    ['number', `${yamlScalarStart}-?\\d+(?:\\.\\d+)?(?=\\s|$|,)`],
    [classifier({ literal: 'true false null yes no on off True False Null' }), `${yamlScalarStart}[A-Za-z_~][\\w-]*(?=[ \\t]*(?:$|#|,|\\]|\\}))`],
  ],
};

const json: Grammar = {
  rules: [
    ['attr', `${closedDoubleQuoted}(?=\\s*:)`],
    ['string', doubleQuoted],
    ['number', '-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b'],
    [classifier({ literal: 'true false null' }), word],
  ],
};

const ini: Grammar = {
  rules: [
    ['comment', '^[ \\t]*[;#].*'],
    ['section', '^[ \\t]*\\[[^\\]\\n]*\\]'],
    ['attr', `(?<=^${indent})[\\w.\\-]+(?=[ \\t]*[=:])`],
    ['string', doubleQuoted],
    ['string', singleQuoted],
    ['variable', '%\\([\\w-]+\\)s|\\$\\{[\\w:.-]+\\}'],
    ['number', '\\b\\d+(?:\\.\\d+)?\\b'],
    [classifier({ literal: 'true false on off yes no' }), word],
  ],
};

const http: Grammar = {
  rules: [
    ['keyword', '^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE)(?= )'],
    ['meta', 'HTTP/\\d(?:\\.\\d)?'],
    ['attr', '^[A-Za-z][\\w-]*(?=:[ \\t])'],
    ['attr', `${closedDoubleQuoted}(?=\\s*:)`],
    ['string', doubleQuoted],
    ['number', '\\b\\d+\\b'],
    [classifier({ literal: 'true false null' }), word],
  ],
};

const diff: Grammar = {
  rules: [
    ['meta', '^(?:\\+\\+\\+|---)[ \\t].*'],
    ['meta', '^(?:@@|diff |index ).*'],
    ['addition', '^\\+.*'],
    ['deletion', '^-.*'],
  ],
};

const go: Grammar = cLike(
  {
    keyword: 'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var',
    type: 'bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any',
    literal: 'true false nil iota',
    built_in: 'append cap close copy delete len make new panic print println recover',
    titleAfter: 'func type',
  },
  [['string', '`[^`]*`?']],
);

const java: Grammar = cLike(
  {
    keyword: 'abstract assert break case catch class continue default do else enum extends final finally for if implements import instanceof interface native new package private protected public return static strictfp super switch synchronized this throw throws transient try volatile while var record yield sealed permits',
    type: 'boolean byte char double float int long short void String Integer Long Double Boolean Object List Map Set Optional',
    literal: 'true false null',
    titleAfter: 'class interface enum record',
  },
  [['meta', '@[A-Za-z_]\\w*']],
);

export const grammars: Readonly<Record<string, Grammar>> = {
  bash,
  diff,
  dockerfile,
  go,
  http,
  ini,
  java,
  javascript: cLike(javascriptWords, [['string', templateString]]),
  json,
  nginx,
  python,
  sql,
  typescript: cLike(typescriptWords, [['string', templateString]]),
  yaml,
  text: { rules: [] },
};

export const languageAliases: Readonly<Record<string, string>> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash',
  docker: 'dockerfile',
  js: 'javascript', ts: 'typescript', py: 'python', yml: 'yaml',
  golang: 'go', toml: 'ini', conf: 'ini', mysql: 'sql',
  plaintext: 'text', txt: 'text',
};
