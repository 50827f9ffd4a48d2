// Validators for code in notes and snippets: real tools where the machine has them
// (Debian's nginx and python3, bash), parser libraries otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser as SqlParser } from 'node-sql-parser';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { DockerfileParser } from 'dockerfile-ast';
import { validate as validateDockerfile } from 'dockerfile-utils';

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

// ---- Tools for the snippet library checks (test/content/snippetLibrary.test.ts) ----

export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The whole output, trimmed to a few lines, for failure messages. */
  readonly summary: string;
}

/** Runs a command and returns its status and output (never throws; a missing binary gives status null). */
export function runTool(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): ToolRun {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, input: options.input, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 });
  const stdout = result.stdout ?? '';
  const stderr = result.error ? `${result.error.message}\n${result.stderr ?? ''}` : (result.stderr ?? '');
  const summary = `${stderr}\n${stdout}`.trim().split('\n').filter(Boolean).slice(0, 12).join(' | ');
  return { status: result.status, stdout, stderr, summary };
}

/**
 * `undefined` when `command args` runs; otherwise a failure that says what to install, so a
 * machine without the tool fails the check instead of skipping it.
 */
export function missingTool(command: string, args: readonly string[], install: string): Failure | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error || result.status !== 0 ? `${command} is not available (${install})` : undefined;
}

/** Writes files (relative paths) into a new temporary directory and returns it. */
export function writeTempFiles(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/**
 * Parses each Dockerfile with dockerfile-ast and validates it with dockerfile-utils (the
 * linter behind VS Code's Docker extension). Any diagnostic, warnings included, is a failure.
 */
export function checkDockerfiles(samples: readonly CodeSample[]): Failure[] {
  return samples.flatMap((sample) => {
    const dockerfile = DockerfileParser.parse(sample.code);
    if (dockerfile.getInstructions().length === 0) {
      return [`${sample.where}: no Dockerfile instructions found`];
    }
    return validateDockerfile(sample.code).map((diagnostic) => `${sample.where}:${diagnostic.range.start.line + 1}: dockerfile-utils: ${diagnostic.message}`);
  });
}

/** Runs `docker-compose -f FILE config -q` (Compose v1, as Debian ships it) on each sample. */
export function checkCompose(samples: readonly CodeSample[]): Failure[] {
  const missing = missingTool('docker-compose', ['version'], 'apt-get install docker-compose');
  if (missing) {
    return [missing];
  }
  return samples.flatMap((sample) => {
    const dir = writeTempFiles('compose-check-', { 'compose.yaml': sample.code });
    try {
      const result = runTool('docker-compose', ['-f', join(dir, 'compose.yaml'), 'config', '-q'], { cwd: dir });
      return result.status === 0 ? [] : [`${sample.where}: docker-compose config: ${result.summary}`];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// ---- Checks for the topics whose examples run real tools (network, linux, mq, security, ...) ----

/** Debian's python3, which has python3-confluent-kafka, python3-pika and python3-argon2 (PyPI is not reachable). */
export const debianPython = '/usr/bin/python3';

/**
 * Runs each `python run` block as a script in an empty temporary folder with Debian's
 * python3 in isolated mode; it must exit 0. The generous timeout only stops a hung example.
 */
export function runPython(samples: readonly CodeSample[]): Failure[] {
  return samples.flatMap((sample) => {
    const dir = writeTempFiles('python-run-', { 'example.py': sample.code });
    try {
      const result = runTool(debianPython, ['-I', 'example.py'], { cwd: dir, timeoutMs: 60_000 });
      return result.status === 0 ? [] : [`${sample.where}: python3 exited ${result.status}: ${result.summary}`];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** `shellcheck -s bash -S info` on each block: style suggestions pass, quoting and the rest do not. */
export function checkShellcheck(samples: readonly CodeSample[]): Failure[] {
  const missing = missingTool('shellcheck', ['--version'], 'apt-get install shellcheck');
  if (missing) {
    return [missing];
  }
  return samples.flatMap((sample) => {
    const result = runTool('shellcheck', ['-s', 'bash', '-S', 'info', '-f', 'gcc', '-'], { input: sample.code });
    return result.status === 0 ? [] : [`${sample.where}: shellcheck: ${result.summary}`];
  });
}

/**
 * `systemd-analyze verify` on each unit, saved as `example.service` or as the name the fence
 * gives (`ini systemd=backup.timer`; a timer's service is written beside it as a stub only
 * when the sample does not bring one).
 */
export function checkSystemdUnits(samples: readonly (CodeSample & { readonly unitName?: string })[]): Failure[] {
  const missing = missingTool('systemd-analyze', ['--version'], 'apt-get install systemd');
  if (missing) {
    return [missing];
  }
  return samples.flatMap((sample) => {
    const name = sample.unitName || 'example.service';
    const dir = writeTempFiles('systemd-check-', { [name]: sample.code });
    try {
      const result = runTool('systemd-analyze', ['verify', '--man=no', join(dir, name)], { cwd: dir, env: { ...process.env, SYSTEMD_LOG_COLOR: '0' } });
      // verify also reports problems of the host's own units; keep only lines about this one.
      const ownProblems = `${result.stderr}\n${result.stdout}`.split('\n').filter((line) => line.includes(name) || line.includes(dir));
      return result.status === 0 && ownProblems.length === 0 ? [] : [`${sample.where}: systemd-analyze verify: ${ownProblems.join(' | ') || result.summary}`];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
