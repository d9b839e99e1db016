import cliProgress from 'cli-progress';
import type { ProgressReporter } from '../kernel/progress.ts';

/** A terminal progress bar per import step; quiet when output is not a terminal (CI logs). */
export function progressBar(): { report: ProgressReporter; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  let step = '';
  const report: ProgressReporter = ({ step: s, done, total }) => {
    if (s !== step) {
      bar?.stop();
      step = s;
      bar = new cliProgress.SingleBar(
        {
          format: `${s.padEnd(14)} [{bar}] {percentage} % | {value}/{total}`,
          noTTYOutput: true,
          notTTYSchedule: 2000,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    }
    bar?.update(done);
  };
  return {
    report,
    stop: () => {
      bar?.stop();
      bar = null;
    },
  };
}
