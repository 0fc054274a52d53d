// Writes each Jest run's totals to .test-summary/, so CI can print one closing line for all projects.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.name = options.name || path.basename(globalConfig.rootDir);
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '.test-summary');
    fs.mkdirSync(dir, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      // Named here because CI keeps only the end of the log, where the closing lines are.
      failures: results.testResults.flatMap((suite) => [
        ...(suite.testExecError
          ? [`${path.relative(process.cwd(), suite.testFilePath)}: ${firstLine(suite.testExecError.message)}`]
          : []),
        ...suite.testResults
          .filter((t) => t.status === 'failed')
          .map(
            (t) =>
              `${path.relative(process.cwd(), suite.testFilePath)} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`,
          ),
      ]),
    };
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(totals));
  }
}

const firstLine = (text = '') =>
  text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0)
    ?.slice(0, 300) ?? '';

module.exports = SummaryReporter;
