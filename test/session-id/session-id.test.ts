import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { createSessionId, readSessionId } from "../../src/core/session-id";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A chat endpoint like the seed's recommended flow: it answers with the session id it used. */
let chatServer: Server;
let chatOrigin: string;
beforeAll(async () => {
  chatServer = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (url.pathname === "/chat") headers["X-Session-ID"] = url.searchParams.get("session") ?? "srv-session-1";
    res.writeHead(200, headers);
    res.end('{"answer":"Paris"}');
  });
  await new Promise<void>((resolve) => chatServer.listen(0, "127.0.0.1", resolve));
  chatOrigin = `http://127.0.0.1:${(chatServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  chatServer.closeAllConnections();
  await new Promise<void>((resolve) => chatServer.close(() => resolve()));
});
beforeEach(() => resetLogOnce());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("createSessionId", () => {
  it("returns a new version 4 UUID each time", () => {
    const ids = Array.from({ length: 500 }, () => createSessionId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("still returns UUIDs where crypto.randomUUID is missing (a page served over plain http)", () => {
    const realCrypto = globalThis.crypto;
    const getRandomValues = vi.fn(<T extends ArrayBufferView>(array: T) => realCrypto.getRandomValues(array as never) as T);
    vi.stubGlobal("crypto", { getRandomValues });
    const ids = Array.from({ length: 200 }, () => createSessionId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(getRandomValues).toHaveBeenCalled();
  });

  it("still returns UUIDs in a runtime with no crypto at all", () => {
    vi.stubGlobal("crypto", undefined);
    const ids = Array.from({ length: 200 }, () => createSessionId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("readSessionId", () => {
  it("reads the X-Session-ID header of a real server response", async () => {
    const response = await fetch(`${chatOrigin}/chat?session=conv-7f3a`, { method: "POST", body: "{}" });
    expect(readSessionId(response)).toBe("conv-7f3a");
    expect(await response.json()).toEqual({ answer: "Paris" });
  });

  it("returns null when the response has no session header", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await fetch(`${chatOrigin}/other`);
    expect(readSessionId(response)).toBeNull();
  });

  it("trims the header and treats a blank one as missing", () => {
    const headers = (value: string) => ({ headers: new Headers({ "X-Session-ID": value }) });
    expect(readSessionId(headers("  abc-1 \t"))).toBe("abc-1");
    expect(readSessionId(headers("   "))).toBeNull();
  });

  it("never throws on a response that lacks headers or is not there", () => {
    expect(readSessionId(undefined)).toBeNull();
    expect(readSessionId(null)).toBeNull();
    expect(readSessionId({})).toBeNull();
    expect(readSessionId({ headers: null })).toBeNull();
    expect(readSessionId("not a response" as never)).toBeNull();
    expect(readSessionId({ headers: { get: () => 42 as never } })).toBeNull();
    expect(
      readSessionId({
        headers: {
          get() {
            throw new Error("broken");
          },
        },
      }),
    ).toBeNull();
  });

  it("in development explains Access-Control-Expose-Headers once when a cross-origin response hides it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // jsdom's page is on http://localhost:3000; the chat server is another origin.
    const first = await fetch(`${chatOrigin}/other`);
    const second = await fetch(`${chatOrigin}/other`);
    expect(readSessionId(first)).toBeNull();
    expect(readSessionId(second)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toContain(chatOrigin);
    expect(message).toContain("Access-Control-Expose-Headers: X-Session-ID");
  });

  it("says nothing when a same-origin response simply has no session id", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(readSessionId({ url: `${location.origin}/api/chat`, headers: new Headers() })).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it("says nothing in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(readSessionId(await fetch(`${chatOrigin}/other`))).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });
});
