import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";
import { settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

/** A saved signal and a drain lease as an earlier page left them (jsdom has no Web Locks: the lease decides). */
function earlierVisit(apiKey: string, lease: string) {
  const destination = destinationKey({ baseUrl: server.origin, project: "p", apiKey });
  localStorage.setItem(`kelet:unsent:${destination}`, JSON.stringify([{ id: "waiting", body: JSON.stringify({ session_id: `after-${apiKey}`, score: 1 }), queuedAtMs: Date.now() - 1000 }]));
  localStorage.setItem(`kelet:drain:${destination}:lease`, lease);
}

describe("without Web Locks, a bad lease does not block draining", () => {
  it("a lease dated far in the future (the clock moved back) holds no longer than its own duration", async () => {
    expect(globalThis.navigator.locks).toBeUndefined();
    earlierVisit("pk_future", JSON.stringify({ owner: "another-tab", untilMs: Date.now() + 24 * 60 * 60 * 1000 }));
    render(<KeletProvider apiKey="pk_future" project="p" baseUrl={server.origin} />);
    const [body] = await server.waitForAccepted(1, 6000);
    expect(body!.session_id).toBe("after-pk_future");
  });

  it.each([["not JSON", "{oops"], ["null", "null"], ["no time", JSON.stringify({ owner: "x" })], ["a string time", JSON.stringify({ owner: "x", untilMs: "soon" })]])(
    "an unreadable lease (%s) counts as expired",
    async (_, lease) => {
      earlierVisit("pk_unreadable_lease", lease);
      render(<KeletProvider apiKey="pk_unreadable_lease" project="p" baseUrl={server.origin} />);
      const [body] = await server.waitForAccepted(1, 6000);
      expect(body!.session_id).toBe("after-pk_unreadable_lease");
    },
  );
});
