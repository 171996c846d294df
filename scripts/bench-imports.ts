/**
 * `npm run bench:import` — the spreadsheet benchmarks of issue 12 in one run,
 * without the season benchmark around them: the preview of a 1 000-row
 * catalogue file (target ≤ 1 s) and 150 orders in from returned order forms
 * and from a form export, previewed and written (target ≤ 5 s). Each figure
 * says how many samples it is the median of; the target is held to the slowest.
 */
import { benchImport, printImportBench } from './bench-import';
import { benchOrderIntake, printOrderIntakeBench } from './bench-order-intake';

const CATALOGUE_SAMPLES = 5;
const INTAKE_SAMPLES = 3;

printImportBench(await benchImport(CATALOGUE_SAMPLES));
printOrderIntakeBench(await benchOrderIntake(INTAKE_SAMPLES));
