import { execFileSync, spawn } from "node:child_process";
import { createConnection } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** `npm run demo` as a user starts it (npm → sh → node), on a free port; resolves with npm's PID and the port. */
function startNpmRunDemo(): Promise<{ npmPid: number; port: number; exited: Promise<void> }> {
  const npm = spawn("npm", ["run", "demo"], {
    cwd: root,
    env: { ...process.env, PORT: "0", KELET_API_KEY: "", KELET_BASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  let stdout = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      npm.kill("SIGKILL");
      reject(new Error(`npm run demo printed no URL within 40 s:\n${stdout}`));
    }, 40_000);
    npm.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Kelet feedback demo: http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (match && stdout.includes("Press Ctrl+C to stop.")) {
        clearTimeout(timer);
        resolve({ npmPid: npm.pid!, port: Number(match[1]), exited });
      }
    });
  });
}

function portIsTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function portFreedWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await portIsTaken(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !(await portIsTaken(port));
}

/** The processes npm started (the shell, the server), so a failing run leaves none behind. */
function descendantsOf(pid: number): number[] {
  let children: number[];
  try {
    children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    children = []; // ps exits 1 when there are none
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      // Only while the PID still belongs to the demo (a PID freed by its exit may be reused).
      const command = execFileSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" });
      if (/npm run demo|examples\/chat\/server\.mjs/.test(command)) process.kill(pid, "SIGKILL");
    } catch {
      // already gone, as it should be
    }
  }
});

describe("npm run demo", () => {
  it.each(["SIGTERM", "SIGKILL"] as const)("frees its port when I kill the PID of npm run demo with %s", async (signal) => {
    const demo = await startNpmRunDemo();
    started.push(demo.npmPid, ...descendantsOf(demo.npmPid));
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(await portIsTaken(demo.port)).toBe(true);
    process.kill(demo.npmPid, signal);
    await demo.exited;
    // The server polls for its parent every 0.5 s; 10 s is for a loaded machine, not a speed claim.
    expect(await portFreedWithin(demo.port, 10_000)).toBe(true);
  });
});
