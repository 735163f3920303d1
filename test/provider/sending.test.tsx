import { describe, expect, it, vi } from "vitest";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";
import { captureContext } from "../support/capture-context";

const server = useSignalServer();

describe("sending a signal through KeletProvider", () => {
  it("posts the signal to the project's endpoint with exactly the two headers", async () => {
    const { context } = captureContext({ apiKey: "pk_test_1", project: "support-bot", baseUrl: server.origin });
    await context.feedback({ session_id: "sess-1", kind: "feedback", source: "human", score: 1, trigger_name: "user-vote" });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/api/projects/support-bot/signal");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.authorization).toBe("Bearer pk_test_1");
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ session_id: "sess-1", kind: "feedback", source: "human", score: 1, trigger_name: "user-vote" });
    expect(Date.parse(body.timestamp)).not.toBeNaN();
  });

  it("sends only the fields that are set", async () => {
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    await context.feedback({ session_id: "s", score: 0, value: undefined, trace_id: "t-9" });
    expect(Object.keys(JSON.parse(server.requests[0]!.body)).sort()).toEqual(["kind", "score", "session_id", "source", "timestamp", "trace_id"]);
  });

  it("URL-encodes the project in the path", async () => {
    const { context } = captureContext({ apiKey: "pk_1", project: "team a/prod", baseUrl: server.origin });
    await context.feedback({ session_id: "s", score: 1 });
    expect(server.requests[0]!.url).toBe("/api/projects/team%20a%2Fprod/signal");
  });

  it("accepts a base URL with a trailing slash or /api", async () => {
    for (const baseUrl of [`${server.origin}/`, `${server.origin}/api`, `${server.origin}/api/`]) {
      const { context, view } = captureContext({ apiKey: "pk_1", project: "p", baseUrl });
      await context.feedback({ session_id: "s", score: 1 });
      view.unmount();
    }
    expect(server.requests.map((r) => r.url)).toEqual(Array(3).fill("/api/projects/p/signal"));
  });

  it.each([401, 403, 404])("rejects with the 1.3 message and tells onError once on a final %i", async (status) => {
    server.plan(status);
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin, onError });
    const statusText = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" }[status];
    await expect(context.feedback({ session_id: "s", score: 1 })).rejects.toThrow(`Failed to submit feedback: ${statusText}`);
    expect(server.requests).toHaveLength(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].message).toBe(`Failed to submit feedback: ${statusText}`);
    expect(onError.mock.calls[0]![1]).toMatchObject({ session_id: "s", score: 1 });
  });

  it("sends nothing and rejects with the field named when the signal is invalid", async () => {
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin, onError });
    await expect(context.feedback({ session_id: "s", score: 1.5 })).rejects.toThrow(/"score"/);
    await expect(context.feedback({ session_id: "" })).rejects.toThrow(/"session_id"/);
    expect(onError).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it("sends nothing while disabled and resolves at once", async () => {
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin, disabled: true });
    await expect(context.feedback({ session_id: "s", score: 1 })).resolves.toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it("looks up globalThis.fetch when sending, so a fetch replaced later is used", async () => {
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    const realFetch = globalThis.fetch;
    const seen: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return realFetch(url, init);
    });
    await context.feedback({ session_id: "s", score: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.init.method).toBe("POST");
    expect(seen[0]!.init.headers).toEqual({ "Content-Type": "application/json", Authorization: "Bearer pk_1" });
    expect(typeof seen[0]!.init.body).toBe("string");
    expect(server.requests).toHaveLength(1);
    vi.unstubAllGlobals();
  });

  it("uses the fetch prop, and a nested provider inherits it", async () => {
    const calls: string[] = [];
    const proxyFetch = (url: string, init: Parameters<typeof fetch>[1]) => {
      calls.push(url);
      return fetch(url, init);
    };
    const { context } = captureContext({}, (probe) => (
      <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin} fetch={proxyFetch}>
        <KeletProvider project="child">{probe}</KeletProvider>
      </KeletProvider>
    ));
    await context.feedback({ session_id: "s", score: 1 });
    expect(calls).toEqual([`${server.origin}/api/projects/child/signal`]);
  });

  it("logs each signal and its outcome when debug is on", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin, debug: true });
    await context.feedback({ session_id: "s-debug", score: 1 });
    const logged = (word: string) =>
      debug.mock.calls.some((call) => call.includes(word) && call.some((arg) => (arg as { session_id?: string })?.session_id === "s-debug"));
    expect(logged("sending")).toBe(true);
    expect(logged("delivered")).toBe(true);
  });
});
