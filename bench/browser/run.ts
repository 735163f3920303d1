/**
 * `npm run bench:browser [-- --src DIR] [--runs N]`: VoteFeedback in a long chat,
 * in real Chromium on a production build (esbuild, NODE_ENV=production), each
 * variant interleaved with its baselines in the same browser run: two plain
 * buttons per answer, and a plain React popover toggled by state. Prints
 * medians of several runs and ratios. A benchmark, not a test: nothing fails on
 * its numbers. `--src` bundles another checkout's `src` (e.g. main's) against
 * this one's node_modules, so two versions compare on the same page.
 */
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../test/support/chromium";
import type { Variant } from "./page";

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
};
const here = new URL(".", import.meta.url).pathname;
const repository = resolve(here, "../..");
const source = resolve(argument("src") ?? join(repository, "src"));
const RUNS = Number(argument("runs") ?? process.env.BENCH_RUNS ?? 5);
const SIZES = [500, 2000];
const CLICKED = 250;
const KEYSTROKES = 200;
const VARIANTS: Variant[] = ["plain", "popover", "vote"];

// The README's quick-start CSS, and a chat's answers around it.
const CSS = `
body { font: 15px system-ui, sans-serif; margin: 24px; }
.answer { margin: 0 0 16px; }
.vote[data-state="on"] { background: #4f46e5; color: white; }
.feedback-popover { padding: 12px; border: 1px solid #d0d7de; border-radius: 10px; background: white; }
.votes { position: relative; }
.plain-popover { position: absolute; top: 100%; left: 0; margin-top: 8px; z-index: 1; }
`;

async function bundle(directory: string): Promise<string> {
  const common = {
    bundle: true,
    minify: true,
    format: "iife" as const,
    target: "es2022",
    write: false,
    logLevel: "error" as const,
    define: { "process.env.NODE_ENV": '"production"' },
  };
  const [hook, page] = await Promise.all([
    build({ ...common, entryPoints: [join(here, "devtools-hook.ts")] }),
    build({
      ...common,
      entryPoints: [join(here, "page.tsx")],
      jsx: "automatic",
      alias: { "@kelet-ai/feedback-ui": join(source, "index.ts") },
      // Another checkout's src has no node_modules of its own: resolve from this one.
      nodePaths: [join(repository, "node_modules")],
    }),
  ]);
  writeFileSync(join(directory, "hook.js"), hook.outputFiles![0]!.text);
  writeFileSync(join(directory, "page.js"), page.outputFiles![0]!.text);
  writeFileSync(
    join(directory, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style><script src="hook.js"></script></head>` +
      `<body><div id="root"></div><script src="page.js"></script></body></html>`,
  );
  return pathToFileURL(join(directory, "index.html")).href;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

type Samples = Record<string, number[]>;
const samples: Record<Variant, Samples> = { plain: {}, popover: {}, vote: {} };
const record = (variant: Variant, metric: string, value: number) => (samples[variant][metric] ??= []).push(value);
const byName: Partial<Record<Variant, Record<string, number>>> = {};

async function heapUsed(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send("HeapProfiler.collectGarbage");
  await session.send("HeapProfiler.collectGarbage");
  const { usedSize } = await session.send("Runtime.getHeapUsage");
  await session.detach();
  return usedSize;
}

async function measure(page: Page, url: string, variant: Variant, count: number): Promise<void> {
  await page.goto(url);
  const before = await heapUsed(page);
  const cold = await page.evaluate(([v, n]) => window.bench.mount(v, n), [variant, count] as const);
  await page.evaluate(() => window.bench.unmount());
  // Collected first, so the cold tree's garbage is not swept during the warm mount.
  await heapUsed(page);
  const warm = await page.evaluate(([v, n]) => window.bench.mount(v, n), [variant, count] as const);
  const heap = (await heapUsed(page)) - before;
  const unmount = await page.evaluate(() => window.bench.unmount());
  await page.evaluate(([v, n]) => window.bench.mount(v, n), [variant, count] as const);
  record(variant, `mount ${count} cold`, cold.ms);
  record(variant, `mount ${count} warm`, warm.ms);
  record(variant, `commits at mount ${count}`, warm.commits);
  record(variant, `component renders at mount ${count}`, warm.renders);
  record(variant, `heap after mount ${count} (MB)`, heap / 1e6);
  record(variant, `unmount ${count}`, unmount.ms);
  if (count !== SIZES[0] || variant === "plain") return;

  const down = page.locator(`#answers > .answer:nth-child(${CLICKED}) [data-bench="down"]`);
  await down.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.bench.armClick());
  await down.click();
  const open = await page.evaluate(() => (window as unknown as { clickResult: Promise<{ ms: number; commits: number; renders: number }> }).clickResult);
  const focused = await page.evaluate(() => document.activeElement?.tagName);
  if (focused !== "TEXTAREA") throw new Error(`${variant}: the textarea is not focused after the click (${focused})`);
  record(variant, "click → popover painted", open.ms);
  record(variant, "commits to open", open.commits);
  record(variant, "component renders to open", open.renders);

  await page.evaluate(() => window.bench.resetCounts());
  const typing = Date.now();
  await page.keyboard.type("x".repeat(KEYSTROKES));
  record(variant, "200 keystrokes (ms, incl. CDP)", Date.now() - typing);
  const counts = await page.evaluate(() => window.bench.counts());
  record(variant, "component renders per keystroke", counts.renders / KEYSTROKES);
  byName[variant] = Object.fromEntries(Object.entries(counts.byName).map(([name, renders]) => [name, renders / KEYSTROKES]));

  const submit = page.locator('[role="dialog"] [data-bench="submit"]');
  await page.evaluate(() => window.bench.armClick());
  await submit.click();
  const submitted = await page.evaluate(() => (window as unknown as { clickResult: Promise<{ ms: number }> }).clickResult);
  record(variant, "submit click → closed, painted", submitted.ms);
}

const directory = mkdtempSync(join(tmpdir(), "bench-browser-"));
try {
  const url = await bundle(directory);
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"] });
  console.log(`VoteFeedback in a long chat: src ${source}, ${RUNS} runs, Chromium ${browser.version()}\n`);
  for (let run = 0; run < RUNS; run++) {
    for (const count of SIZES) {
      // Interleaved, in a rotating order, each in a fresh page.
      for (let step = 0; step < VARIANTS.length; step++) {
        const variant = VARIANTS[(step + run) % VARIANTS.length]!;
        const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
        await measure(page, url, variant, count);
        await page.close();
      }
    }
    process.stdout.write(`run ${run + 1}/${RUNS} done\n`);
  }
  await browser.close();

  const metrics = Object.keys(samples.vote);
  const cell = (variant: Variant, metric: string) => {
    const values = samples[variant][metric];
    return values ? median(values) : undefined;
  };
  const format = (value: number | undefined) => (value === undefined ? "–" : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || !b ? "–" : `${(a / b).toFixed(2)}×`);
  // Each run measures the variants back to back: the median of those ratios resists load that comes and goes.
  const perRunRatio = (metric: string, baseline: Variant) => {
    const [vote, base] = [samples.vote[metric], samples[baseline][metric]];
    if (!vote || !base || vote.length !== base.length || base.some((value) => !value)) return "–";
    return `${median(vote.map((value, run) => value / base[run]!)).toFixed(2)}×`;
  };
  console.log(`\n| medians (ms unless said) | plain buttons | plain React popover | VoteFeedback | ÷ plain | ÷ popover | per-run ÷ plain | per-run ÷ popover |`);
  console.log(`|---|---|---|---|---|---|---|---|`);
  for (const metric of metrics) {
    const [plain, popover, vote] = VARIANTS.map((variant) => cell(variant, metric));
    console.log(
      `| ${metric} | ${format(plain)} | ${format(popover)} | ${format(vote)} | ${ratio(vote, plain)} | ${ratio(vote, popover)} | ${perRunRatio(metric, "plain")} | ${perRunRatio(metric, "popover")} |`,
    );
  }
  const perAnswer = (size: number) => cell("vote", `mount ${size} warm`)! / size;
  console.log(`\nwarm mount per answer: ${(perAnswer(500) * 1000).toFixed(1)} µs at 500, ${(perAnswer(2000) * 1000).toFixed(1)} µs at 2000 (ratio ${(perAnswer(2000) / perAnswer(500)).toFixed(2)})`);
  const heapPerAnswer = (size: number) => (cell("vote", `heap after mount ${size} (MB)`)! * 1e6) / size / 1000;
  console.log(`heap per answer: ${heapPerAnswer(500).toFixed(1)} KB at 500, ${heapPerAnswer(2000).toFixed(1)} KB at 2000`);
  console.log(`components rendered per keystroke, by name (VoteFeedback): ${JSON.stringify(byName.vote)}`);
  console.log(`components rendered per keystroke, by name (plain popover): ${JSON.stringify(byName.popover)}`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}

declare global {
  interface Window {
    bench: {
      mount(variant: Variant, count: number): { ms: number; commits: number; renders: number };
      unmount(): { ms: number };
      armClick(): void;
      resetCounts(): void;
      counts(): { commits: number; renders: number; byName: Record<string, number> };
    };
  }
}
