import { vi } from "vitest";
import { realSleep } from "../delivery/helpers";

/** Polls (in real time, whatever clock the test fakes) until `done()` holds. */
export async function waitUntil(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await realSleep(10);
  }
}

/** What the browser says of the connection, with the event it fires. */
export function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

/** The tab is hidden, then the page left. */
export function closePage() {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
  window.dispatchEvent(new Event("pagehide"));
}
