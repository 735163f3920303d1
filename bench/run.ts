/**
 * `npm run bench`: our diff engine against the reference package's algorithms
 * (fast-levenshtein on the whole strings, then diff's createTwoFilesPatch of
 * the one-line JSON), in one process on the same inputs. Prints medians,
 * ratios, value sizes, the word-token estimate's error, and the per-change
 * cost of the edit tracker while typing.
 */
import { createTwoFilesPatch } from "diff";
import levenshteinReference from "fast-levenshtein";
import { performance } from "node:perf_hooks";
import { describeEdit, diffPercentage } from "../src/core/diff";
import { exactWithin } from "../src/core/diff/levenshtein";
import { createEditTracker } from "../src/feedback-state/edit-tracker";
import { halfRewrite, prose, smallEdit } from "./texts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time<R>(runs: number, work: () => R): { ms: number; result: R } {
  let result = work(); // warm-up, also the result we report
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = work();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

function reference(before: string, after: string) {
  const distance = levenshteinReference.get(before, after);
  const percentage = distance / Math.max(before.length, after.length);
  const value = createTwoFilesPatch("before", "after", JSON.stringify(before), JSON.stringify(after));
  return { percentage, value };
}

const kb = (chars: number) => `${(chars / 1024).toFixed(chars < 10240 ? 2 : 1)} KB`;
const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0));

interface Case {
  label: string;
  edit: string;
  before: string;
  after: string;
}

const cases: Case[] = [];
for (const size of [1_000, 10_000, 50_000, 100_000]) {
  const before = prose(size, size);
  cases.push({ label: `${size.toLocaleString("en-US")} chars`, edit: "10 chars mid-text", before, after: smallEdit(before) });
  cases.push({ label: `${size.toLocaleString("en-US")} chars`, edit: "middle 50% rewritten", before, after: halfRewrite(before, size + 1) });
}
const oneLine = prose(100_000, 7, 0);
cases.push({ label: "100,000 chars, one line", edit: "10 chars mid-text", before: oneLine, after: smallEdit(oneLine) });
cases.push({ label: "100,000 chars, one line", edit: "middle 50% rewritten", before: oneLine, after: halfRewrite(oneLine, 8, 0) });

const rows: string[][] = [];
for (const c of cases) {
  const ours = time(RUNS, () => describeEdit(c.before, c.after, "git"));
  const ref = time(Math.max(3, Math.min(RUNS, 3)), () => reference(c.before, c.after));
  const exact = exactWithin(c.before, c.after) / Math.max(c.before.length, c.after.length);
  rows.push([
    c.label,
    c.edit,
    ms(ours.ms),
    ms(ref.ms),
    `${Math.round(ref.ms / ours.ms).toLocaleString("en-US")}×`,
    kb(ours.result.value.length),
    kb(ref.result.value.length),
    ours.result.percentage.toFixed(4),
    exact.toFixed(4),
    Math.abs(ours.result.percentage - exact).toFixed(4),
  ]);
}

function printTable(header: string[], body: string[][]) {
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const row of body) console.log(`| ${row.join(" | ")} |`);
}

console.log(`\nEdit signal (diff % + "git" value), median of ${RUNS} runs (reference: median of 3), Node ${process.versions.node}\n`);
printTable(
  ["document", "edit", "ours ms", "reference ms", "speed-up", "our value", "reference value", "our %", "exact %", "|error|"],
  rows,
);

// Per-change cost while typing: the tracker's equality check and timer restart on a 100 KB string.
const base = prose(100_000, 3);
const KEYSTROKES = 20_000;
const variants = Array.from({ length: 64 }, (_, i) => `${base.slice(0, 50_000)}${String.fromCharCode(97 + (i % 26))}${i}${base.slice(50_000)}`);
let sent = 0;
const tracker = createEditTracker<string>(base, () => ({ session_id: "bench", options: { debounceMs: 60_000 } }), () => sent++, () => {});
const perChange: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  for (let i = 0; i < KEYSTROKES; i++) tracker.change(() => variants[i % variants.length]!, "typing");
  perChange.push(((performance.now() - start) * 1000) / KEYSTROKES);
}
const objectState = { title: "Draft", body: base, tags: ["a", "b"], updatedAt: new Date(0) };
const objectTracker = createEditTracker<typeof objectState>(objectState, () => ({ session_id: "bench", options: { debounceMs: 60_000 } }), () => sent++, () => {});
const objectVariants = variants.map((body) => ({ ...objectState, body }));
const perObjectChange: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  for (let i = 0; i < KEYSTROKES; i++) objectTracker.change(() => objectVariants[i % objectVariants.length]!, "typing");
  perObjectChange.push(((performance.now() - start) * 1000) / KEYSTROKES);
}
const sentWhileTyping = sent;
// Ends both pending sequences, so no timer keeps the process alive.
tracker.flush();
objectTracker.flush();
const compareOnly: number[] = [];
let equalCount = 0;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  for (let i = 0; i < KEYSTROKES; i++) if (variants[i % variants.length] === variants[(i + 1) % variants.length]) equalCount++;
  compareOnly.push(((performance.now() - start) * 1000) / KEYSTROKES);
}
const stringifyCost = time(RUNS, () => JSON.stringify(variants[0]) === JSON.stringify(variants[1])).ms * 1000;

console.log("\nPer change while typing (equality + bookkeeping), 100 KB state, median of 5 × 20,000 changes\n");
printTable(
  ["state", "ours µs/change", "of which a bare === of the two strings µs", "reference's JSON.stringify compare µs"],
  [
    ["string", median(perChange).toFixed(2), median(compareOnly).toFixed(2), stringifyCost.toFixed(0)],
    ["object holding the string", median(perObjectChange).toFixed(2), median(compareOnly).toFixed(2), "—"],
  ],
);
console.log(`\n(diffPercentage("", "") = ${diffPercentage("", "")}; signals emitted during the typing loop: ${sentWhileTyping}; equal pairs: ${equalCount})`);
