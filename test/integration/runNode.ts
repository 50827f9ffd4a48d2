import Mocha from 'mocha';
import { loadTests } from 'integration-test-files';
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite((options) => new Mocha(options), loadTests, 'node');
}
