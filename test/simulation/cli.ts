/**
 * `npm run simulate -- --seeds N` (default 100, from a random start unless `--from S`), or `--seed S` to replay one
 * (`--trace` prints its whole trace). Exits non-zero at the first failing seed, printing it and the replay command.
 */
import { appendFileSync } from "node:fs";
import { runSeed } from "./run-seed";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const single = option("seed");
const count = Number(option("seeds") ?? 100);
const from = Number(option("from") ?? (single ?? Math.floor(Math.random() * 1_000_000_000)));
const fullTrace = args.includes("--trace");
/** Survey mode: run every seed, print each failing seed's first failure, exit non-zero at the end if any failed. */
const keepGoing = args.includes("--keep-going");
/** Writes every seed's failures as a JSON line here (to compare two builds seed by seed). */
const failuresFile = option("failures-file");
let failed = 0;

const seeds = single !== undefined ? [Number(single)] : Array.from({ length: count }, (_, i) => from + i);
const started = Date.now();
let signals = 0;
for (const [index, seed] of seeds.entries()) {
  const result = await runSeed(seed);
  signals += result.stats.signals;
  if (failuresFile) appendFileSync(failuresFile, `${JSON.stringify({ seed, failures: result.failures })}\n`);
  if (result.failures.length && keepGoing) {
    failed++;
    console.log(`seed ${seed}: ${result.failures.length} failure(s); first: ${result.failures[0]!.slice(0, 300)}`);
    continue;
  }
  if (result.failures.length) {
    console.log(`\nFAILED seed ${seed} (${index + 1} of ${seeds.length} run) ${JSON.stringify(result.stats)}`);
    for (const failure of result.failures.slice(0, 20)) console.log(`  - ${failure}`);
    if (result.failures.length > 20) console.log(`  … and ${result.failures.length - 20} more`);
    console.log(`\ntrace (${fullTrace ? "whole" : "last 60 lines; --trace for all"}):`);
    for (const line of fullTrace ? result.trace : result.trace.slice(-60)) console.log(`  ${line}`);
    console.log(`\nreplay: npm run simulate -- --seed ${seed} --trace`);
    process.exit(1);
  }
  if (single !== undefined || (index + 1) % 10 == 0 || index + 1 == seeds.length) {
    console.log(`${index + 1}/${seeds.length} seeds passed (last ${seed}: ${JSON.stringify(result.stats)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (single !== undefined && fullTrace) for (const line of result.trace) console.log(`  ${line}`);
}
if (failed) {
  console.log(`${failed} of ${seeds.length} seed(s) failed`);
  process.exit(1);
}
console.log(`all ${seeds.length} seed(s) passed (${seeds[0]}..${seeds.at(-1)}), ${signals} signals, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
