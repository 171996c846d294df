/**
 * npm run torture [-- --iterations N --seed S --no-hostile]: SIGKILLs during writes,
 * folds, sync and restores, malformed payloads for every operation, the hostile-folder
 * cases (electron/testing/torture/). Exits 1 on any failure; the seed replays a run.
 */
import { parseArgs } from 'node:util';
import { describeSummary, runTorture } from '../electron/testing/torture/run';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '40' },
    seed: { type: 'string' },
    'no-hostile': { type: 'boolean', default: false },
  },
});
const iterations = Number(values.iterations);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(iterations) || iterations < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run torture -- [--iterations N (≥ 1)] [--seed S (an integer)] [--no-hostile]');
  process.exit(2);
}
console.log(`seed ${seed}`);
const summary = await runTorture({ iterations, seed, hostile: !values['no-hostile'], log: (line) => console.log(line) });
console.log(describeSummary(summary));
process.exit(summary.failures.length > 0 ? 1 : 0);
