import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => {
  localStorage.clear();
  resetLogOnce();
});
afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

const unsentKey = (apiKey: string) => `kelet:unsent:${destinationKey({ baseUrl: server.origin, project: "p", apiKey })}`;
const saved = (id: string, session: string, ageMs = 1000) => ({ id, body: JSON.stringify({ session_id: session, score: 1 }), queuedAtMs: Date.now() - ageMs });

describe("every saved record is read on its own", () => {
  it("one unreadable saved record does not lose the others, and only one warning says so", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const onError = vi.fn();
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    localStorage.setItem(
      unsentKey("pk_unreadable"),
      JSON.stringify([
        saved("good-1", "readable-1", 5000),
        { id: "null-body", body: "null", queuedAtMs: Date.now() - 4000 },
        { id: "array-body", body: "[1,2]", queuedAtMs: Date.now() - 3500 },
        { id: "broken-json", body: "{not json", queuedAtMs: Date.now() - 3000 },
        42,
        null,
        { id: "no-body", queuedAtMs: Date.now() - 2500 },
        { id: "no-time", body: JSON.stringify({ session_id: "no-time" }) },
        saved("good-2", "readable-2", 2000),
      ]),
    );
    render(<KeletProvider apiKey="pk_unreadable" project="p" baseUrl={server.origin} onError={onError} />);
    const bodies = await server.waitForAccepted(2, 5000);
    await realSleep(300);
    process.off("unhandledRejection", unhandled);
    expect(bodies.map((b) => b.session_id).sort()).toEqual(["readable-1", "readable-2"]);
    expect(server.requests).toHaveLength(2);
    expect(unhandled).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/unreadable/);
    expect(localStorage.getItem(unsentKey("pk_unreadable"))).toBeNull();
  });

  it("a saved list that is not a list at all is dropped, and the page keeps working", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    localStorage.setItem(unsentKey("pk_notalist"), JSON.stringify({ id: "x" }));
    const { unmount } = render(<KeletProvider apiKey="pk_notalist" project="p" baseUrl={server.origin} />);
    await realSleep(300);
    expect(server.requests).toHaveLength(0);
    expect(localStorage.getItem(unsentKey("pk_notalist"))).toBeNull();
    unmount();
  });
});
