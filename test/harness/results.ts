/** What a suite run inside the extension host reports to the runner outside it. */
export interface SuiteResults {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly string[];
}

/** Written into the test workspace, which both the Node and the web host can write to. */
export const resultsFileName = '.test-results.json';
