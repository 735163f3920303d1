// `npm run soak`: bundles the soak client and its server with esbuild, then runs them in Node.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "kelet-soak-"));
for (const name of ["soak", "soak-server"]) {
  await build({ entryPoints: [join(here, `${name}.ts`)], bundle: true, platform: "node", format: "esm", target: "node18", outfile: join(out, `${name}.mjs`), logLevel: "warning" });
}
const run = spawnSync(process.execPath, ["--expose-gc", join(out, "soak.mjs"), join(out, "soak-server.mjs")], { stdio: "inherit" });
process.exit(run.status ?? 1);
