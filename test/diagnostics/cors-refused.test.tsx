import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { captureContext } from "../support/capture-context";
import { spyOnConsole } from "./support";

// Its own file: the refused requests take the page's connectivity down, which would hold back the next test's signals.
beforeEach(() => {
  resetLogOnce();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const signal = { session_id: "sess-42", score: 1 };

describe("in development, a cross-origin request refused before any answer while the server is up", () => {
  it("says CORS, naming the page's origin and the URL, when the request is refused but the server answers a no-cors probe", async () => {
    const console = spyOnConsole();
    // The app's transport fails as a browser's fetch does when CORS refuses; the probe (the page's fetch) reaches the server.
    const refused = vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));
    // A server of its own (another origin than the shared signal server, whose delivery state the failures must not touch).
    const { createServer } = await import("node:http");
    const up = createServer((_request, response) => response.end("up"));
    await new Promise<void>((resolve) => up.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(up.address() as { port: number }).port}`;
    try {
      const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: origin, fetch: refused, onError: () => {} });
      void context.feedback(signal).catch(() => {});
      await vi.waitFor(() => expect(console.errors().some((m) => m.includes("failed before any answer"))).toBe(true), { timeout: 8000 });
    } finally {
      up.closeAllConnections();
      up.close();
    }
    const [message, ...rest] = console.errors().filter((m) => m.includes("failed before any answer"));
    expect(rest).toEqual([]);
    expect(message).toContain(`A signal to ${origin}/api/projects/p/signal failed before any answer (Failed to fetch)`);
    expect(message).toContain("the server is up and the cause is CORS");
    expect(message).toContain(`Access-Control-Allow-Origin: ${location.origin}`);
    expect(message).toContain("baseUrl");
  });
});
