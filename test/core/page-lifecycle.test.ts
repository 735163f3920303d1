import { afterEach, describe, expect, it, vi } from "vitest";
import { subscribePageHide } from "../../src/core/page-lifecycle";

function hidePage() {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}

afterEach(() => {
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
});

describe("page hide subscriptions", () => {
  it("emits pending edits before the queue is flushed, whatever the order of subscription", () => {
    const order: string[] = [];
    const offFlush = subscribePageHide("flush-queue", () => order.push("flush"));
    const offEdits = subscribePageHide("emit-edits", () => order.push("edits"));
    hidePage();
    window.dispatchEvent(new Event("pagehide"));
    expect(order).toEqual(["edits", "flush", "edits", "flush"]);
    offFlush();
    offEdits();
  });

  it("ignores the page becoming visible again", () => {
    const listener = vi.fn();
    const off = subscribePageHide("flush-queue", listener);
    document.dispatchEvent(new Event("visibilitychange"));
    expect(listener).not.toHaveBeenCalled();
    off();
  });

  it("keeps telling the other subscribers when one of them throws", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    const offBad = subscribePageHide("emit-edits", () => {
      throw new Error("boom");
    });
    const offGood = subscribePageHide("flush-queue", after);
    window.dispatchEvent(new Event("pagehide"));
    expect(after).toHaveBeenCalledWith("pagehide", false);
    offBad();
    offGood();
  });

  it("removes its listeners when the last subscriber leaves", () => {
    const remove = vi.spyOn(window, "removeEventListener");
    const off = subscribePageHide("flush-queue", () => {});
    off();
    expect(remove).toHaveBeenCalledWith("pagehide", expect.any(Function));
  });
});
