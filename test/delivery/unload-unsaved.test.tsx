import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

/** The page is unloaded for good (`persisted: false`: not kept in the back/forward cache). */
function closePage() {
  const event = new Event("pagehide");
  Object.defineProperty(event, "persisted", { value: false });
  window.dispatchEvent(event);
}

describe("a signal that can neither leave nor be saved when the page is closed", () => {
  it("my vote is reported when I close the tab offline and storage is full, never lost in silence", async () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_unload_unsaved", project: "p", baseUrl: server.origin, onError });
    setBrowserOnline(false);
    const vote = track(context.feedback({ session_id: "closing", score: 1 }));
    closePage();
    await realSleep(20);
    expect(vote.error?.message).toMatch(/page was left before the signal could be sent.*could not be saved/);
    expect(onError).toHaveBeenCalledTimes(1);
    // Had it come back from the back/forward cache after all, the vote still goes (reported once, never twice).
    setBrowserOnline(true);
    await server.waitForAccepted(1);
    await realSleep(100);
    expect(server.accepted().map((b) => b.session_id)).toEqual(["closing"]);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
