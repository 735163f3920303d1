import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { networkFailureMessage } from "../../src/core/diagnostics";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { closedPortOrigin, spyOnConsole } from "./support";

const server = useSignalServer();
beforeEach(() => {
  resetLogOnce();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const signal = { session_id: "sess-42", score: 1 };

describe("in development, an API answer that means a wrong setup is explained", () => {
  it.each([401, 403])("says the key is wrong for the project when the API answers %i", async (status) => {
    const console = spyOnConsole();
    server.plan(status);
    const { context } = captureContext({ apiKey: "pk_other_project", project: "support-bot", baseUrl: server.origin, onError: () => {} });
    await expect(context.feedback(signal)).rejects.toThrow("Failed to submit feedback");
    const [message, ...rest] = console.errors().filter((m) => m.includes(`answered ${status}`));
    expect(rest).toHaveLength(0);
    expect(message).toContain('project "support-bot"');
    expect(message).toContain("publishable key (pk-kelet-..., or pk_... in older projects)");
  });

  it("says the base URL or project is wrong when the API answers 404", async () => {
    const console = spyOnConsole();
    server.plan(404);
    const { context } = captureContext({ apiKey: "pk_1", project: "no-such-project", baseUrl: server.origin, onError: () => {} });
    await expect(context.feedback(signal)).rejects.toThrow();
    const message = console.errors().find((m) => m.includes("answered 404"));
    expect(message).toContain(`${server.origin}/api/projects/no-such-project/signal`);
    expect(message).toContain("baseUrl");
    expect(message).toContain('"no-such-project"');
  });

  it("explains each cause once per page however many signals fail", async () => {
    const console = spyOnConsole();
    server.plan(401, 401, 401);
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin, onError: () => {} });
    for (let i = 0; i < 3; i += 1) await expect(context.feedback(signal)).rejects.toThrow();
    expect(console.errors().filter((m) => m.includes("answered 401"))).toHaveLength(1);
  });

  it("says nothing extra when the API accepts the signal", async () => {
    const console = spyOnConsole();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    await context.feedback(signal);
    expect(console.all()).toEqual([]);
  });

  it("says the server is down or unreachable, not CORS, naming the URL, when nothing listens at a cross-origin baseUrl", async () => {
    const console = spyOnConsole();
    const deadOrigin = await closedPortOrigin();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: deadOrigin, onError: () => {} });
    void context.feedback(signal).catch(() => {});
    await vi.waitFor(() => expect(console.errors().some((m) => m.includes("failed before any answer"))).toBe(true), { timeout: 8000 });
    const [message, ...rest] = console.errors().filter((m) => m.includes("failed before any answer"));
    expect(rest).toEqual([]);
    expect(message).toContain(`A signal to ${deadOrigin}/api/projects/p/signal failed before any answer`);
    expect(message).toContain(`Nothing answers at ${deadOrigin}: the server is down or unreachable`);
    expect(message).toContain(`baseUrl, "${deadOrigin}" here`);
    expect(message).toContain("not CORS");
    expect(message).not.toContain("Access-Control-Allow-Origin");
  });

  it("names both causes when the page cannot probe (no fetch of its own)", () => {
    const message = networkFailureMessage("https://api.example.com/api/projects/p/signal", "Failed to fetch", "http://localhost:5173", "https://api.example.com", "unknown");
    expect(message).toContain("down or unreachable");
    expect(message).toContain("CORS");
    expect(message).toContain("https://api.example.com/api/projects/p/signal");
  });

  it("does not blame CORS when the failed request went to the page's own origin", async () => {
    const console = spyOnConsole();
    const failingFetch = vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: `${location.origin}/kelet`, fetch: failingFetch, onError: () => {} });
    void context.feedback(signal).catch(() => {});
    await vi.waitFor(() => expect(failingFetch).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(console.errors().filter((m) => m.includes("CORS") || m.includes("before any answer"))).toEqual([]);
  });
});

describe("in production, the same answers stay quiet", () => {
  it.each([401, 403, 404])("logs nothing for a %i when the app handles failures with onError", async (status) => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    server.plan(status);
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin, onError });
    await expect(context.feedback(signal)).rejects.toThrow();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(console.all()).toEqual([]);
  });

  it("logs nothing about CORS for a failed cross-origin request", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    // What a browser's fetch does when CORS blocks the request. Delivery may retry it later; the first attempt is enough.
    const blockedFetch = vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: await closedPortOrigin(), fetch: blockedFetch, onError: () => {} });
    void context.feedback(signal).catch(() => {});
    await vi.waitFor(() => expect(blockedFetch).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(console.all()).toEqual([]);
  });
});
