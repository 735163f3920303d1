import { vi } from "vitest";

/** Spies on console.warn/error (silenced) and returns the `[kelet]` messages each received. */
export function spyOnConsole() {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const messages = (spy: typeof warn) => spy.mock.calls.map((call) => call.map(String).join(" "));
  return {
    warnings: () => messages(warn),
    errors: () => messages(error),
    all: () => [...messages(warn), ...messages(error)],
  };
}

/** A port on 127.0.0.1 where nothing listens. */
export async function closedPortOrigin(): Promise<string> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
