// Mocha's browser build defines a global instance, `mocha`; it runs in the web worker host.
import 'mocha/mocha.js';
import type Mocha from 'mocha';
import { loadTests } from 'integration-test-files';
import { runSuite } from './runSuite';

type BrowserMocha = Mocha & { setup(options: Mocha.MochaOptions): Mocha };

export function run(): Promise<void> {
  const browserMocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  return runSuite((options) => browserMocha.setup(options), loadTests, 'web');
}
