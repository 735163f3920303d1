import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDemoUntilExit, startDemo, type DemoProcess } from "./demo-process";

let demo: DemoProcess;

beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.stop();
});

function postSignal(body: unknown, { project = "demo-chat", authorization = "Bearer pk_test" }: { project?: string; authorization?: string | null } = {}) {
  return fetch(new URL(`/api/projects/${encodeURIComponent(project)}/signal`, demo.url), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(authorization === null ? {} : { Authorization: authorization }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function inboxRecords(): Promise<Array<{ project: string; status: number; reason?: string; body: Record<string, unknown> | null; knownSession: boolean }>> {
  const response = await fetch(new URL("/api/inbox", demo.url));
  return ((await response.json()) as { signals: never[] }).signals;
}

describe("the demo server (npm run demo)", () => {
  it("prints its URL and serves the chat page", async () => {
    expect(demo.output()).toContain("Signals go to the local inbox");
    const response = await fetch(demo.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/app.js">');
    expect(html).toContain('"mode":"inbox"');
  });

  it("answers the chat with the session id the client sent, in X-Session-ID, before the streamed answer", async () => {
    const response = await fetch(new URL("/api/chat", demo.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Session-ID": "client-made-id-1" },
      body: JSON.stringify({ message: "How do I get a refund?" }),
    });
    expect(response.headers.get("X-Session-ID")).toBe("client-made-id-1");
    expect(await response.text()).toContain("refund within 30 days");
  });

  it("makes a session id when the client sends none", async () => {
    const response = await fetch(new URL("/api/draft", demo.url), { method: "POST", body: "{}" });
    expect(response.headers.get("X-Session-ID")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the local signal inbox", () => {
  it("accepts a valid signal with a publishable key, records it and logs it in the terminal", async () => {
    const response = await postSignal({ session_id: "client-made-id-1", kind: "feedback", source: "human", score: 1, timestamp: new Date().toISOString() });
    expect(response.status).toBe(200);
    const last = (await inboxRecords()).at(-1)!;
    expect(last).toMatchObject({ project: "demo-chat", status: 200, knownSession: true, body: { session_id: "client-made-id-1", score: 1 } });
    expect(demo.output()).toMatch(/\[inbox\] 200 demo-chat feedback score=1 session=client-made-id-1/);
  });

  it("accepts Kelet's pk-kelet- key, a kind and source in capitals, and a signal identified by its trace alone", async () => {
    const response = await postSignal({ trace_id: "trace-9", kind: "EVENT", source: "HUMAN", trigger_name: "user-copy" }, { authorization: "Bearer pk-kelet-9fXa2Lq" });
    expect(response.status).toBe(200);
    expect((await inboxRecords()).at(-1)).toMatchObject({ status: 200, knownSession: true, body: { trace_id: "trace-9" } });
    expect(demo.output()).toContain("trace=trace-9 (no session_id: identified by its trace)");
  });

  it("flags a signal whose session id no chat session used", async () => {
    await postSignal({ session_id: "made-up-elsewhere", score: 0 });
    const last = (await inboxRecords()).at(-1)!;
    expect(last).toMatchObject({ status: 200, knownSession: false });
    expect(demo.output()).toContain("session=made-up-elsewhere (no chat session has this id!)");
  });

  it.each([
    ["no Authorization header", null, /missing Authorization/],
    ["a secret key", "Bearer sk_live_123", /secret key/],
    ["a secret key as Kelet issues it", "Bearer sk-kelet-9fXa2Lq", /secret key/],
    ["a key that is not publishable", "Bearer abc", /pk-kelet- key/],
  ])("refuses %s with 401 and says why", async (_case, authorization, reason) => {
    const response = await postSignal({ session_id: "s", score: 1 }, { authorization });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toMatch(reason);
    expect((await inboxRecords()).at(-1)).toMatchObject({ status: 401 });
  });

  it.each([
    ["a body that is not JSON", "{not json", /not valid JSON/],
    ["an empty session_id", { session_id: "  ", score: 1 }, /session_id/],
    ["a score above 1", { session_id: "s", score: 1.5 }, /score must be a number between 0 and 1/],
    ["a negative confidence", { session_id: "s", kind: "edit", confidence: -0.1 }, /confidence/],
    ["an unknown kind", { session_id: "s", kind: "vote" }, /kind must be one of/],
    ["an unknown source", { session_id: "s", source: "robot" }, /source must be one of/],
    ["metadata that is a list", { session_id: "s", metadata: [1] }, /metadata/],
  ])("refuses %s with 422 and names the field", async (_case, body, reason) => {
    const response = await postSignal(body);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toMatch(reason);
  });

  it("keeps the project from the URL path, decoded", async () => {
    await postSignal({ session_id: "s", score: 1 }, { project: "my project/2" });
    expect((await inboxRecords()).at(-1)).toMatchObject({ project: "my project/2", status: 200 });
  });
});

describe("starting the demo", () => {
  it("says clearly when the port is taken, and how to pick another", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { code, stderr } = await runDemoUntilExit({ PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} is already in use`);
      expect(stderr).toContain(`PORT=${port + 1} npm run demo`);
    } finally {
      blocker.close();
    }
  });

  it.each(["sk_live_123", "sk-kelet-9fXa2Lq"])("refuses a secret key (%s) in KELET_API_KEY before anything reaches a browser", async (key) => {
    const { code, stderr } = await runDemoUntilExit({ PORT: "0", KELET_API_KEY: key, KELET_BASE_URL: "https://api.kelet.ai" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/secret key .*publishable key \(pk-kelet-/);
  });

  it("points the page at a real Kelet API when KELET_API_KEY and KELET_BASE_URL are set", async () => {
    const real = await startDemo({ KELET_API_KEY: "pk_live_abc", KELET_BASE_URL: "https://kelet.example" });
    try {
      expect(real.output()).toContain("Signals go to https://kelet.example");
      const html = await (await fetch(real.url)).text();
      expect(html).toContain('"mode":"kelet"');
      expect(html).toContain('"apiKey":"pk_live_abc"');
      expect(html).toContain('"baseUrl":"https://kelet.example"');
    } finally {
      await real.stop();
    }
  });
});
