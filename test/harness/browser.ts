import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, kept off the network it cannot reach anyway. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}

export interface WorkbenchUrlOptions {
  readonly serverUrl: string;
  readonly folder: string;
  /** Loads this folder as an extension under development, as F5 does on the desktop. */
  readonly extensionDevelopmentPaths?: readonly string[];
  /** A module exporting `run()`, which the extension host runs as the test suite. */
  readonly extensionTestsPath?: string;
  /** `web` runs the extension's browser entry in the web worker extension host. */
  readonly extensionKind?: 'node' | 'web';
}

/**
 * The workbench URL with VS Code's `payload` parameter, the mechanism VS Code's own
 * browser integration tests use to load an extension under development.
 */
export function workbenchUrl(options: WorkbenchUrlOptions): string {
  const authority = new URL(options.serverUrl).host;
  const remote = (path: string) => `vscode-remote://${authority}${path}`;
  const payload: [string, string][] = [];
  for (const path of options.extensionDevelopmentPaths ?? []) {
    payload.push(['extensionDevelopmentPath', remote(path)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }
  if (options.extensionKind === 'web') {
    payload.push(['extensionDevelopmentKind', 'web']);
  }
  payload.push(['skipWelcome', 'true']);
  payload.push(['skipReleaseNotes', 'true']);
  const url = new URL(options.serverUrl);
  url.searchParams.set('folder', options.folder);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** Page console text without the `%c` styling the workbench adds to forwarded logs. */
export function cleanConsoleText(text: string): string {
  return text.replace(/^%c\s*(?:TRACE|DEBUG|INFO|LOG|WARN|ERROR)?\s*color:\s*\S+\s*/, '').trimEnd();
}
