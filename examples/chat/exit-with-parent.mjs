// @ts-check
// `npm run demo` runs server.mjs through a shell (npm → sh → node): killing npm's PID must not leave this
// process holding the port. Signals reach only the PID they are sent to, so the server watches the
// processes that started it and stops when one is gone.

import { execFileSync } from "node:child_process";

const POLL_MS = 500;

/**
 * The parent of `pid`, or undefined where `ps` cannot tell (Windows).
 * @param {number} pid
 */
function parentOf(pid) {
  try {
    const ppid = Number(execFileSync("ps", ["-o", "ppid=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/**
 * Calls `stop` once when this process's parent exits (it is handed to another parent), or, under
 * `npm run`, when npm itself exits while the shell between us lives on. Call it first thing: the
 * processes watched are the ones alive at the call.
 * @param {() => void} stop
 */
export function exitWithParent(stop) {
  const parent = process.ppid;
  const watched = [parent];
  // Under npm the parent is the shell running the script; npm is the one a user (or a test) kills.
  const npm = process.env.npm_lifecycle_event ? parentOf(parent) : undefined;
  if (npm !== undefined) watched.push(npm);
  const timer = setInterval(() => {
    if (process.ppid !== parent || !watched.every(isAlive)) {
      clearInterval(timer);
      stop();
    }
  }, POLL_MS);
  timer.unref();
}
