import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSignalStore, destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";
import { settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

/** What an earlier visit saved for this destination. */
function savedByEarlierVisit(apiKey: string, ...sessions: string[]) {
  const store = createSignalStore(destinationKey({ baseUrl: server.origin, project: "p", apiKey }), "earlier-tab");
  store.save(sessions.map((session, n) => ({ id: `earlier-${n}`, body: JSON.stringify({ session_id: session, score: 1 }), queuedAtMs: Date.now() - 1000 + n })));
}

describe("persistence belongs to each sender", () => {
  it("a nested provider with persist off does not stop the root provider from sending what the last visit saved", async () => {
    savedByEarlierVisit("pk_nested", "saved-1", "saved-2");
    // React runs the child's effect first: the nested provider (persist off) retains the shared queue first.
    render(
      <KeletProvider apiKey="pk_nested" project="p" baseUrl={server.origin}>
        <KeletProvider persist={false}>
          <span />
        </KeletProvider>
      </KeletProvider>,
    );
    const bodies = await server.waitForAccepted(2, 5000);
    expect(bodies.map((b) => b.session_id).sort()).toEqual(["saved-1", "saved-2"]);
    expect(Object.keys(localStorage).filter((k) => k.startsWith("kelet:unsent:"))).toEqual([]);
  });

  it("a persisting provider that mounts later beside a persist-off one still sends what the last visit saved", async () => {
    savedByEarlierVisit("pk_later", "later-1");
    const first = render(<KeletProvider apiKey="pk_later" project="p" baseUrl={server.origin} persist={false} />);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests).toHaveLength(0);
    render(<KeletProvider apiKey="pk_later" project="p" baseUrl={server.origin} />);
    const bodies = await server.waitForAccepted(1, 5000);
    expect(bodies.map((b) => b.session_id)).toEqual(["later-1"]);
    first.unmount();
  });
});
