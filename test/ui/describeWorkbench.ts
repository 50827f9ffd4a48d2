import { openWorkbench, type OpenWorkbench, type WorkbenchOptions } from '../harness/workbench';
import { uiTestEnvironment } from './environment';
import { screenshotIfFailed } from './screenshotOnFailure';

export interface WorkbenchSuiteOptions extends Partial<WorkbenchOptions> {
  /** The suite's mocha timeout, in ms: opening the workbench and installing the .vsix count towards each hook. */
  readonly timeout: number;
  /** Runs once the workbench is open, before the first test: e.g. waits until the extension is up. */
  readonly ready?: (workbench: OpenWorkbench) => Promise<void>;
}

/**
 * A UI suite with one workbench for all its tests: opened before the first (the packaged .vsix
 * installed into a fresh code-server, with `options` over the usual environment), a screenshot
 * kept after each test that fails (test-results/screenshots/), closed after the last. The body
 * declares the tests, as a `describe` body does, and gets the open workbench from `workbench()`.
 */
export function describeWorkbench(title: string, options: WorkbenchSuiteOptions, body: (workbench: () => OpenWorkbench) => void): Mocha.Suite {
  const { timeout, ready, ...workbenchOptions } = options;
  return describe(title, function () {
    this.timeout(timeout);
    let open: OpenWorkbench | undefined;

    before(async () => {
      open = await openWorkbench({ ...uiTestEnvironment, ...workbenchOptions });
      await ready?.(open);
    });

    afterEach(async function () {
      await screenshotIfFailed(this, open?.page);
    });

    after(async () => {
      await open?.close();
      open = undefined;
    });

    body(() => {
      if (!open) {
        throw new Error(`the workbench of "${title}" is not open`);
      }
      return open;
    });
  });
}
