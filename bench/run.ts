/**
 * `npm run bench`: every benchmark of the kit in one run. Prints each figure beside its
 * budget, writes them to bench/results/latest.json with the machine's details, and exits
 * non-zero when a budget is broken.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { allFigures, brokenBudgets } from './harness.js';
import { runEngineBench } from './engine.bench.js';
import { runMockBench } from './mock.bench.js';

const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  platform: `${process.platform}-${process.arch}`,
};
console.log(`billing-elements bench on ${machine.cores} × ${machine.cpu}, Node ${machine.node}\n`);

runEngineBench();
console.log('');
runMockBench();

const results = { date: new Date().toISOString(), machine, figures: allFigures() };
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('latest.json', dir), JSON.stringify(results, null, 2) + '\n');

const broken = brokenBudgets();
console.log(`\n${allFigures().length} figures, ${broken.length} over budget. Results: bench/results/latest.json`);
if (broken.length > 0) process.exitCode = 1;
