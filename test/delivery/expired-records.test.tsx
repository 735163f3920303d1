import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STORED_SIGNAL_MAX_AGE_MS } from "../../src/core/delivery/constants";
import { destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

const EXPIRED_AGE_MS = STORED_SIGNAL_MAX_AGE_MS + 60_000;
const record = (id: string, text: string, ageMs: number) => ({ id, body: JSON.stringify({ session_id: id, kind: "comment", value: text }), queuedAtMs: Date.now() - ageMs });

describe("discarded after 7 days holds in storage", () => {
  it("typed text older than 7 days is deleted at the next load, whatever destination it was saved for", async () => {
    const own = destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_expiry" });
    // A rotated key and a renamed project: destinations this app no longer uses.
    const rotated = destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_rotated_away" });
    const renamed = destinationKey({ baseUrl: "https://old.example", project: "old-project", apiKey: "pk_expiry" });
    localStorage.setItem(`kelet:unsent:${own}`, JSON.stringify([record("own-old", "my secret complaint", EXPIRED_AGE_MS)]));
    localStorage.setItem(`kelet:unsent:${rotated}`, JSON.stringify([record("rotated-old", "typed long ago", EXPIRED_AGE_MS), record("rotated-new", "typed today", 1000)]));
    localStorage.setItem(`kelet:unsent:${renamed}`, JSON.stringify([record("renamed-old", "typed long ago too", EXPIRED_AGE_MS)]));
    localStorage.setItem(`kelet:claimed:${renamed}`, JSON.stringify([{ id: "renamed-old", by: "tab", atMs: Date.now() - EXPIRED_AGE_MS }]));
    localStorage.setItem("app:own-key", "the app's own data");

    render(<KeletProvider apiKey="pk_expiry" project="p" baseUrl={server.origin} />);
    await realSleep(300);

    const everything = JSON.stringify({ ...localStorage });
    expect(everything).not.toContain("my secret complaint");
    expect(everything).not.toContain("typed long ago");
    expect(localStorage.getItem(`kelet:unsent:${own}`)).toBeNull();
    expect(localStorage.getItem(`kelet:unsent:${renamed}`)).toBeNull();
    expect(localStorage.getItem(`kelet:claimed:${renamed}`)).toBeNull();
    // What has not expired stays for the app that owns it; the app's own keys are never touched.
    expect(JSON.parse(localStorage.getItem(`kelet:unsent:${rotated}`)!).map((r: { id: string }) => r.id)).toEqual(["rotated-new"]);
    expect(localStorage.getItem("app:own-key")).toBe("the app's own data");
    expect(server.requests).toHaveLength(0);
  });

  it("a provider with persist off still deletes expired typed text", async () => {
    const own = destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_expiry_off" });
    localStorage.setItem(`kelet:unsent:${own}`, JSON.stringify([record("off-old", "an old comment", EXPIRED_AGE_MS)]));
    render(<KeletProvider apiKey="pk_expiry_off" project="p" baseUrl={server.origin} persist={false} />);
    await realSleep(200);
    expect(localStorage.getItem(`kelet:unsent:${own}`)).toBeNull();
  });
});
