import { describe, expect, it } from "vitest";
import { normalizeBaseUrl, signalEndpoint } from "../../src/core/endpoint";
import { readAttemptOutcome } from "../../src/core/signal-request";

describe("the signal endpoint", () => {
  it("defaults to the Kelet API", () => {
    expect(signalEndpoint(normalizeBaseUrl(), "docs")).toBe("https://api.kelet.ai/api/projects/docs/signal");
  });

  it("strips a trailing slash, then a trailing /api, from the base URL", () => {
    expect(normalizeBaseUrl("https://x.test/")).toBe("https://x.test");
    expect(normalizeBaseUrl("https://x.test/api")).toBe("https://x.test");
    expect(normalizeBaseUrl("https://x.test/api/")).toBe("https://x.test");
    expect(normalizeBaseUrl("https://x.test/proxy/kelet")).toBe("https://x.test/proxy/kelet");
  });

  it("URL-encodes the project", () => {
    expect(signalEndpoint("https://x.test", "my team/prod?x")).toBe("https://x.test/api/projects/my%20team%2Fprod%3Fx/signal");
  });
});

describe("reading a response", () => {
  it("treats a response without status or headers as final instead of crashing", () => {
    expect(readAttemptOutcome({ ok: true })).toEqual({ delivered: true });
    const outcome = readAttemptOutcome({});
    expect(outcome.delivered).toBe(false);
    expect(!outcome.delivered && outcome.error.message).toBe("Failed to submit feedback: no status");
    expect(readAttemptOutcome(undefined).delivered).toBe(false);
    expect(readAttemptOutcome({ status: 204 }).delivered).toBe(true);
  });

  it("falls back to the status code when the status text is empty", () => {
    const outcome = readAttemptOutcome({ ok: false, status: 502, statusText: "" });
    expect(!outcome.delivered && outcome.error.message).toBe("Failed to submit feedback: HTTP 502");
  });
});
