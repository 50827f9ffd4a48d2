// Validators for code in notes and snippets: real tools where the machine has them
// (Debian's nginx and python3, bash), parser libraries otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser as SqlParser } from 'node-sql-parser';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';

export interface CodeSample {
  /** Where the code comes from, for messages: `notes/en/nginx.md:120`. */
  readonly where: string;
  readonly code: string;
  /** For nginx: main, http (default), server or location. */
  readonly context?: string;
}

export type Failure = string;

export const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => spawnSync(path, ['-v']).status === 0);

/** Wraps each block by its context and runs `nginx -t` on it. */
export function checkNginx(samples: readonly CodeSample[]): Failure[] {
  if (!nginxBinary) {
    return ['nginx is not installed (apt-get install nginx-light)'];
  }
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-check-'));
  mkdirSync(join(prefix, 'logs'));
  const failures: Failure[] = [];
  try {
    samples.forEach((sample, index) => {
      const file = join(prefix, `test-${index}.conf`);
      writeFileSync(file, wrapNginx(sample.code, sample.context ?? 'http'));
      const result = spawnSync(nginxBinary, ['-t', '-q', '-p', prefix, '-c', file, '-e', join(prefix, 'logs', 'error.log')], { encoding: 'utf8' });
      if (result.status !== 0) {
        failures.push(`${sample.where}: nginx -t: ${(result.stderr || result.stdout).trim().split('\n').slice(0, 3).join(' | ')}`);
      }
    });
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
  return failures;
}

function wrapNginx(code: string, context: string): string {
  if (context === 'main') {
    return code.includes('pid ') ? code : `pid nginx.pid;\n${code}`;
  }
  const declared = new Set([...code.matchAll(/\bupstream\s+([\w.-]+)\s*\{/g)].map((match) => match[1]));
  const used = new Set([...code.matchAll(/\b(?:proxy_pass|grpc_pass|uwsgi_pass|fastcgi_pass)\s+(?:[a-z]+:\/\/)?([A-Za-z_][\w-]*)(?=[/;\s])/g)].map((match) => match[1]));
  const upstreams = [...used].filter((name) => !declared.has(name) && name !== 'localhost' && name !== 'unix').map((name) => `upstream ${name} { server 127.0.0.1:9; }`).join('\n');
  const inner = context === 'location' ? `server { listen 127.0.0.1:8080; location / {\n${code}\n} }` : context === 'server' ? `server { listen 127.0.0.1:8080;\n${code}\n}` : code;
  return `pid nginx.pid;\nevents {}\nhttp {\n${upstreams}\n${inner}\n}\n`;
}

/** Compiles every sample with python3 in one process. */
export function compilePython(samples: readonly CodeSample[]): Failure[] {
  if (samples.length === 0) {
    return [];
  }
  const script = `import json, sys\nfailures = []\nfor where, code in json.load(sys.stdin):\n    try:\n        compile(code, where, 'exec')\n    except SyntaxError as error:\n        failures.append(f"{where}: {error.msg} (line {error.lineno})")\nprint(json.dumps(failures))\n`;
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(samples.map((sample) => [sample.where, sample.code])), encoding: 'utf8' });
  if (result.status !== 0) {
    return [`python3 failed: ${result.stderr}`];
  }
  return JSON.parse(result.stdout) as Failure[];
}

const sqlParser = new SqlParser();

export function parseSql(samples: readonly CodeSample[]): Failure[] {
  const failures: Failure[] = [];
  for (const sample of samples) {
    try {
      sqlParser.astify(sample.code, { database: 'MySQL' });
    } catch (error) {
      failures.push(`${sample.where}: SQL does not parse as MySQL: ${String((error as Error).message).split('\n')[0].slice(0, 200)}`);
    }
  }
  return failures;
}

export function parseYamlSamples(samples: readonly CodeSample[]): Failure[] {
  return samples.flatMap((sample) => {
    const errors = parseAllDocuments(sample.code).flatMap((document) => ('errors' in document ? document.errors : []));
    return errors.length > 0 ? [`${sample.where}: YAML: ${errors[0].message.split('\n')[0]}`] : [];
  });
}

export function parseJsonSamples(samples: readonly CodeSample[]): Failure[] {
  return samples.flatMap((sample) => {
    const errors: ParseError[] = [];
    parseJsonc(sample.code, errors, { allowTrailingComma: false, disallowComments: true });
    return errors.length > 0 ? [`${sample.where}: JSON error at offset ${errors[0].offset}`] : [];
  });
}

export function checkBash(samples: readonly CodeSample[]): Failure[] {
  return samples.flatMap((sample) => {
    const result = spawnSync('bash', ['-n'], { input: sample.code, encoding: 'utf8' });
    return result.status === 0 ? [] : [`${sample.where}: bash -n: ${result.stderr.trim().split('\n')[0]}`];
  });
}

export function checkIni(samples: readonly CodeSample[]): Failure[] {
  const script = `import configparser, json, sys\nfailures = []\nfor where, code in json.load(sys.stdin):\n    try:\n        configparser.ConfigParser(allow_no_value=True, strict=False, interpolation=None).read_string(code)\n    except configparser.Error as error:\n        failures.append(f"{where}: ini: {str(error).splitlines()[0]}")\nprint(json.dumps(failures))\n`;
  if (samples.length === 0) {
    return [];
  }
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(samples.map((sample) => [sample.where, sample.code])), encoding: 'utf8' });
  return result.status === 0 ? (JSON.parse(result.stdout) as Failure[]) : [`python3 failed: ${result.stderr}`];
}

export function checkJavaScript(samples: readonly CodeSample[]): Failure[] {
  return samples.flatMap((sample) => {
    const result = spawnSync(process.execPath, ['--check', '--input-type=commonjs'], { input: sample.code, encoding: 'utf8' });
    if (result.status === 0) {
      return [];
    }
    // Top-level await or import syntax: try as a module.
    const asModule = spawnSync(process.execPath, ['--check', '--input-type=module'], { input: sample.code, encoding: 'utf8' });
    return asModule.status === 0 ? [] : [`${sample.where}: node --check: ${asModule.stderr.trim().split('\n').find((line) => /Error/.test(line)) ?? 'syntax error'}`];
  });
}
