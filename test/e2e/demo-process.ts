import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const DEMO_SERVER = fileURLToPath(new URL("../../examples/chat/server.mjs", import.meta.url));

/** A running `npm run demo` (its server.mjs), as a user starts it. */
export interface DemoProcess {
  /** The URL it printed, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** Everything it printed to stdout so far (the inbox logs each signal there). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the demo server as its own Node process on a free port (PORT=0) and waits until it prints its URL. */
export function startDemo(env: Record<string, string> = {}): Promise<DemoProcess> {
  const child = spawn(process.execPath, [DEMO_SERVER], {
    env: { ...process.env, PORT: "0", KELET_API_KEY: "", KELET_BASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the demo did not print its URL within 30 s:\n${stdout}\n${stderr}`));
    }, 30_000);
    const onData = () => {
      const match = /Kelet feedback demo: (http:\/\/\S+)/.exec(stdout);
      if (!match || !stdout.includes("Press Ctrl+C to stop.")) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve({ url: match[1]!, output: () => stdout, stop: () => stopProcess(child) });
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited (${code}) before printing its URL:\n${stdout}\n${stderr}`));
    });
  });
}

/** Runs the demo until it exits by itself (for start-up errors); resolves with its exit code and output. */
export function runDemoUntilExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [DEMO_SERVER], { env: { ...process.env, KELET_API_KEY: "", KELET_BASE_URL: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
