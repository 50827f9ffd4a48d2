// Set-up shared by `npm start`, `npm test` and `.ci/run`: the Debian packages the tests
// need, and a cached code-server (the real VS Code workbench and extension host).
// code-server's own install downloads binaries from outside the npm registry, which is
// unreachable here, so it is installed with scripts off and its native modules rebuilt.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync, symlinkSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const cacheDir = join(repoRoot, '.vscode-test');
export const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian packages, by what needs them. */
export const debianPackages = {
  codeServerBuild: ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep'],
  browser: ['chromium'],
  // The note checks: nginx -t, shellcheck, systemd-analyze verify, and the client libraries the
  // Kafka, RabbitMQ and Argon2 examples run against (PyPI is not reachable; Debian's builds are).
  noteChecks: ['nginx-light', 'shellcheck', 'systemd', 'python3-confluent-kafka', 'python3-pika', 'python3-argon2'],
  // The snippet checks compile and run the Java and Go snippets and validate Compose files.
  snippetChecks: ['default-jdk-headless', 'golang-go', 'docker-compose'],
  // Only for screenshots: Chinese text in Chromium.
  cjkFonts: ['fonts-noto-cjk'],
};

function log(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs missing Debian packages when root on Debian; otherwise prints the command and exits. */
export function ensureDebianPackages(groups = Object.keys(debianPackages).filter((group) => group !== 'cjkFonts')) {
  const wanted = [...new Set(groups.flatMap((group) => debianPackages[group]))];
  if (!existsSync('/usr/bin/dpkg-query')) {
    log(`not a Debian system: make sure these are installed: ${wanted.join(' ')}`);
    return;
  }
  const missing = wanted.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) {
    return;
  }
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    log(`missing system packages. Run:\n\n    sudo sh -c '${command}'\n`);
    process.exit(1);
  }
  log(`installing ${missing.join(' ')}`);
  execFileSync('sh', ['-c', command], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function run(cwd, command, args, extraEnv = {}) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extraEnv },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
  }
}

/** Installs code-server once into .vscode-test/ (git-ignored); later calls return at once. */
/** Whether code-server is installed in full (an install stopped halfway does not count). */
export function isCodeServerInstalled() {
  return existsSync(join(codeServerDir, '.complete')) && existsSync(codeServerEntry);
}

export function ensureCodeServer() {
  const marker = join(codeServerDir, '.complete');
  if (isCodeServerInstalled()) {
    return codeServerEntry;
  }
  ensureDebianPackages(['codeServerBuild']);
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (once, about 3 minutes)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }, null, 2));
  run(codeServerDir, 'npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`]);
  run(codeServerDir, 'npm', ['rebuild', '--ignore-scripts=false', 'argon2']);
  const vscodeDir = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
  run(vscodeDir, 'npm', ['install', '--omit=dev', '--ignore-scripts']);
  run(vscodeDir, 'npm', ['rebuild', '--ignore-scripts=false', 'kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid', '@parcel/watcher']);
  // The ripgrep package downloads rg from GitHub; Debian's rg is the same program.
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgDir, 'rg'));
  const asar = join(vscodeDir, 'node_modules.asar');
  rmSync(asar, { force: true });
  symlinkSync('node_modules', asar);
  run(join(vscodeDir, 'extensions'), 'npm', ['install', '--omit=dev', '--ignore-scripts']);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  log('code-server installed');
  return codeServerEntry;
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
