// `npm start`: the extension in a real VS Code (code-server) on 127.0.0.1, with a sample
// workspace holding a Dockerfile, an nginx.conf and a Python file. Open the printed URL in
// a browser; Ctrl-C stops it. PORT=8080 npm start picks the port (default: a free one).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, ensureCodeServer, ensureDebianPackages, repoRoot } from './lib/setup.mjs';

ensureDebianPackages(['codeServerBuild']);
const entry = ensureCodeServer();
const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

const workspace = join(cacheDir, 'sample-workspace');
if (!existsSync(workspace)) {
  // Copied once: what you type there survives the next start.
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
}
const userData = join(cacheDir, 'start-user-data');
const settingsFile = join(userData, 'User', 'settings.json');
if (!existsSync(settingsFile)) {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false }, null, 2));
}

const port = process.env.PORT ?? '0';
const server = spawn(process.execPath, [
  entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  '--user-data-dir', userData, '--extensions-dir', join(cacheDir, 'start-extensions'),
], { stdio: ['ignore', 'pipe', 'inherit'] });

server.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  const match = /HTTP server listening on (http:\/\/[^\s/]+:\d+)\//.exec(text);
  if (!match) {
    return;
  }
  const authority = new URL(match[1]).host;
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${repoRoot}`], ['skipWelcome', 'true']]);
  const url = `${match[1]}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  console.log(`\nInterview Notes is running in VS Code (code-server ${'4.100.3'}). Open:\n\n  ${url}\n\nThen click the Interview Notes icon in the activity bar. Ctrl-C stops the server.\n`);
});

const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
