import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider } from "../../src/index";
import { useSignalServer } from "../support/signal-server";
import { settleLeftovers } from "../delivery/helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe("a lease another tab holds, without Web Locks", () => {
  it("saved signals held by another tab's live lease still go out once that lease runs out and nobody drained them", async () => {
    expect(globalThis.navigator.locks).toBeUndefined();
    const destination = destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_live_lease" });
    localStorage.setItem(`kelet:unsent:${destination}`, JSON.stringify([{ id: "w", body: JSON.stringify({ session_id: "after-lease", score: 1 }), queuedAtMs: Date.now() - 1000 }]));
    // Another tab took the lease a moment ago and then died (closed mid-drain).
    localStorage.setItem(`kelet:drain:${destination}:lease`, JSON.stringify({ owner: "dead-tab", untilMs: Date.now() + 1500 }));
    render(<KeletProvider apiKey="pk_live_lease" project="p" baseUrl={server.origin} />);
    const [body] = await server.waitForAccepted(1, 12_000);
    expect(body!.session_id).toBe("after-lease");
  }, 15_000);
});
