import { render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SignalEvent } from "../../src/core";
import { asCurl } from "../../src/devtools/copy-as";
import { hintFor } from "../../src/devtools/hints";
import type { LoggedSignal } from "../../src/devtools/signal-log";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const row = (signal: LoggedSignal["signal"], ...events: Partial<SignalEvent>[]): LoggedSignal => ({
  id: "1",
  project: "support-bot",
  baseUrl: "https://api.kelet.ai",
  signal,
  status: events.at(-1)?.status ?? "queued",
  firstAt: 0,
  events: events.map((e) => ({ id: "1", at: 0, status: "queued", project: "support-bot", baseUrl: "https://api.kelet.ai", signal, ...e })),
});

describe("KeletDevtools", () => {
  it("renders nothing in a production build", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const { KeletDevtools } = await import("../../src/devtools");
    const { container } = render(<KeletDevtools initialIsOpen />);
    expect(container.innerHTML).toBe("");
  });

  it("renders its toggle in development", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const { KeletDevtools } = await import("../../src/devtools");
    const { container } = render(<KeletDevtools />);
    expect(container.querySelector("[data-kelet-devtools]")!.shadowRoot!.querySelector("button")!.textContent).toBe("Kelet devtools");
  });
});

describe("the panel's hints name the usual mistakes", () => {
  it("a placeholder session id", () => {
    expect(hintFor(row({ session_id: "undefined", score: 1 }, { status: "delivered" }))).toMatch(/placeholder/);
    expect(hintFor(row({ session_id: "c8f1-real-id", score: 1 }, { status: "delivered" }))).toBeUndefined();
  });
  it("a 404 project, a 403 key, CORS or an unreachable host, a blocked endpoint, storage full", () => {
    expect(hintFor(row({ session_id: "s" }, { status: "rejected", httpStatus: 404, error: "Failed to submit feedback: Not Found" }))).toMatch(/project "support-bot" was not found/);
    expect(hintFor(row({ session_id: "s" }, { status: "rejected", httpStatus: 403 }))).toMatch(/refused the key \(HTTP 403\)/);
    expect(hintFor(row({ session_id: "s" }, { status: "retrying", error: "network error (Failed to fetch)" }))).toMatch(/CORS/);
    expect(hintFor(row({ session_id: "s" }, { status: "saved", error: "the endpoint was blocked for 300 s; saved for the next visit" }))).toMatch(/blocked endpoint/);
    expect(hintFor(row({ session_id: "s" }, { status: "rejected", error: "offline storage full, dropped the oldest saved signal" }))).toMatch(/storage is full/);
  });
});

it("copy as curl replays the body with the key left to the shell", () => {
  const curl = asCurl(row({ session_id: "it's", score: 1 }));
  expect(curl).toContain("'https://api.kelet.ai/api/projects/support-bot/signal'");
  expect(curl).toContain('"Authorization: Bearer $KELET_API_KEY"');
  expect(curl).toContain(`--data-raw '{"session_id":"it'\\''s","score":1}'`);
});
