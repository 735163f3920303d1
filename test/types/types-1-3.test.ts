// @vitest-environment node
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/tsconfig.json", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

describe("the built type declarations", () => {
  it(
    "compile, under strict, the code 1.3 apps and Kelet's guide write: every prop, option, overload and type",
    () => {
      // `npm test` builds first; the declarations under test are dist's, as an app installs them.
      expect(existsSync(`${root}/dist/index.d.ts`), "dist/index.d.ts is missing: run `npm run build` first").toBe(true);
      const result = spawnSync(process.execPath, [tsc, "-p", fixtures, "--pretty", "false"], { cwd: root, encoding: "utf8" });
      const output = `${result.stdout}${result.stderr}`.trim();
      expect(output, `tsc -p test/types/fixtures reported:\n${output}`).toBe("");
      expect(result.status).toBe(0);
    },
    120_000,
  );

  it("come with SignalKind and SignalSource as values in the ESM and CJS builds alike", () => {
    const probe = "console.log(JSON.stringify([m.SignalKind, m.SignalSource]))";
    const expected = [
      { FEEDBACK: "feedback", EDIT: "edit", EVENT: "event", METRIC: "metric", ARBITRARY: "arbitrary" },
      { HUMAN: "human", LABEL: "label", SYNTHETIC: "synthetic" },
    ];
    const run = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" })) as unknown;
    expect(run(["--input-type=module", "-e", `const m = await import('@kelet-ai/feedback-ui'); ${probe}`])).toEqual(expected);
    expect(run(["-e", `const m = require('@kelet-ai/feedback-ui'); ${probe}`])).toEqual(expected);
  });
});
