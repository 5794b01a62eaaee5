/**
 * Mocha's spec reporter plus the closing line CI reads: `N passed, N failed` (`, N skipped` when any
 * test is pending). A run that executed no test at all counts as a failure: a tier may never pass by
 * running nothing.
 */
import Mocha from 'mocha';

const { EVENT_RUN_END } = Mocha.Runner.constants;

export class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      let failed = stats.failures;
      if (stats.passes + stats.failures === 0) {
        console.log('no test ran: this tier counts as failed');
        runner.failures += 1;
        failed += 1;
      }
      const skipped = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
      console.log(`${stats.passes} passed, ${failed} failed${skipped}`);
    });
  }
}
