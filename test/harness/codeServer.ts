import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CodeServerOptions {
  /** The code-server `entry.js` from the cached install (scripts/lib/setup.mjs). */
  readonly entry: string;
  /** A fresh folder for user data and one for extensions, so runs never share state. */
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Written to User/settings.json before start. */
  readonly settings?: Record<string, unknown>;
  readonly host?: string;
  /** 0 picks a free port, so parallel runs do not collide. */
  readonly port?: number;
  readonly extraArgs?: readonly string[];
  /** `.vsix` files installed into the extensions folder before start, as a user installs them. */
  readonly installExtensions?: readonly string[];
  readonly onOutput?: (line: string) => void;
  /**
   * Workspace trust on, as VS Code ships it, with no start-up prompt: a folder opened for the
   * first time is then in Restricted Mode. Off by default, so most suites run trusted.
   */
  readonly workspaceTrust?: boolean;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const listeningPattern = /HTTP server listening on (http:\/\/[^\s/]+:(\d+))\//;

/** Starts code-server (VS Code in the browser, with a Node extension host) on loopback. */
export function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  mkdirSync(join(options.userDataDir, 'User'), { recursive: true });
  mkdirSync(options.extensionsDir, { recursive: true });
  writeFileSync(
    join(options.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': options.workspaceTrust === true, 'security.workspace.trust.startupPrompt': 'never', 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false, 'update.mode': 'none', ...options.settings }, null, 2),
  );
  for (const vsix of options.installExtensions ?? []) {
    installExtension(options, vsix);
  }
  const args = [
    options.entry,
    '--auth', 'none',
    '--bind-addr', `${options.host ?? '127.0.0.1'}:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    ...(options.extraArgs ?? []),
  ];
  // Its own process group, so stopping it also stops the extension hosts it started.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' }, detached: true });
  return new Promise((resolve, reject) => {
    let settled = false;
    let buffer = '';
    const timer = setTimeout(() => fail(new Error('code-server did not start within 60 s')), 60_000);
    const fail = (error: Error) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
        reject(error);
      }
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        options.onOutput?.(line);
        const match = listeningPattern.exec(line);
        if (match && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve({ url: match[1], port: Number(match[2]), process: child, stop: () => stopProcess(child) });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`code-server exited with code ${code} before it was ready`)));
    child.on('error', fail);
  });
}

/** `code-server --install-extension`: the same install path a user's `.vsix` takes. */
function installExtension(options: CodeServerOptions, vsix: string): void {
  const result = spawnSync(process.execPath, [options.entry, '--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, VSCODE_PROXY_URI: '' },
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  options.onOutput?.(output);
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}): ${output.slice(-800)}`);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup('SIGKILL'); // leftovers of a server that already exited
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      signalGroup('SIGKILL');
      resolve();
    });
    signalGroup('SIGTERM');
  });
}
