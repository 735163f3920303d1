import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { BUSY_STATE_MAX_MS } from "../../src/vote-feedback/use-vote-feedback-root";
import { startSignalServer, type SignalServer } from "../support/signal-server";
import { Provider, Widget, downvote, installResizeObserverStub, upvote, type WidgetOptions } from "./widget";

installResizeObserverStub();

let server: SignalServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(async () => {
  server = await startSignalServer();
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // Give any stray rejection a turn to surface before checking.
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
  await server.close();
});

const textbox = () => screen.getByRole("textbox", { name: "Additional feedback" });
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

function renderInProvider(options: WidgetOptions, onError = vi.fn()) {
  render(
    <Provider baseUrl={server.origin} onError={onError}>
      <Widget {...options} />
    </Provider>,
  );
  return onError;
}

describe("when sending fails", () => {
  it("still opens the popover and reports once to onError when the server refuses my downvote", async () => {
    server.plan(401);
    const onError = renderInProvider({});
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].message).toBe("Failed to submit feedback: Unauthorized");
    expect(onError.mock.calls[0]![1]).toMatchObject({ session_id: "sess-1", score: 0 });
    // The widget stays usable: the comment still goes out.
    await waitFor(() => expect(downvote().hasAttribute("data-submitting")).toBe(false));
    fireEvent.change(textbox(), { target: { value: "still here" } });
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await server.waitForRequests(2);
    expect(server.accepted()[0]).toMatchObject({ value: "still here" });
  });

  it("still opens the popover and tells the provider's onError when my onFeedback rejects", async () => {
    const failure = new Error("analytics down");
    const onError = renderInProvider({ onFeedback: () => Promise.reject(failure) });
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError).toHaveBeenCalledWith(failure, expect.objectContaining({ session_id: "sess-1", score: 0 }));
    await waitFor(() => expect(downvote().hasAttribute("aria-disabled")).toBe(false));
  });

  it("survives an onFeedback that throws synchronously and reports it", async () => {
    const onError = renderInProvider({ onFeedback: () => { throw new Error("sync boom"); } });
    fireEvent.click(upvote());
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].message).toBe("sync boom");
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
  });

  it("reports a session_id function that throws instead of crashing the app", async () => {
    const onError = renderInProvider({ session_id: () => { throw new Error("no session yet"); } });
    fireEvent.click(upvote());
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].message).toBe("no session yet");
    expect(server.requests).toHaveLength(0);
  });

  it("reports an empty session id through the provider, naming the field, without sending", async () => {
    const onError = renderInProvider({ session_id: "" });
    fireEvent.click(upvote());
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].message).toMatch(/"session_id"/);
    await pause(50);
    expect(server.requests).toHaveLength(0);
  });

  it("logs a rejecting onFeedback to the console when there is no provider", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    render(<Widget onFeedback={() => Promise.reject(new Error("handler failed"))} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await waitFor(() => expect(consoleError).toHaveBeenCalled());
    expect(String(consoleError.mock.calls[0]![0])).toContain("handler failed");
  });

  it("works without a provider or onFeedback, sending nowhere and warning once", async () => {
    resetLogOnce();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    render(<Widget />);
    fireEvent.click(upvote());
    await waitFor(() => expect(upvote().hasAttribute("data-submitting")).toBe(false));
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox(), { target: { value: "anyone?" } });
    await waitFor(() => expect(screen.getByRole("button", { name: "Submit feedback" }).hasAttribute("disabled")).toBe(false));
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain("KeletProvider");
  });
});

describe("while a send is in flight", () => {
  it("marks the buttons busy, ignores presses, and lets focus return to the downvote button", async () => {
    server.plan("hang");
    renderInProvider({});
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await server.waitForRequests(1);
    const submit = screen.getByRole("button", { name: "Close without feedback" });
    expect(submit.hasAttribute("disabled")).toBe(true);
    expect(submit.hasAttribute("data-submitting")).toBe(true);
    expect(screen.getByRole("dialog").hasAttribute("data-submitting")).toBe(true);
    for (const button of [upvote(), downvote()]) {
      expect(button.getAttribute("aria-disabled")).toBe("true");
      expect(button.hasAttribute("data-submitting")).toBe(true);
      // Busy is not `disabled`: the button keeps its focusability.
      expect(button.hasAttribute("disabled")).toBe(false);
    }
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    fireEvent.click(upvote());
    await pause(50);
    expect(server.requests).toHaveLength(1);
    expect(upvote().getAttribute("aria-pressed")).toBe("false");
  });

  it("keeps my comment while my vote is still sending, and Ctrl+Enter sends it once that settles", async () => {
    let finish = () => {};
    renderInProvider({ onFeedback: () => new Promise<void>((resolve) => (finish = resolve)) });
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox(), { target: { value: "typed fast" } });
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    expect((textbox() as HTMLTextAreaElement).value).toBe("typed fast");
    act(() => finish());
    await waitFor(() => expect(downvote().hasAttribute("data-submitting")).toBe(false));
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});

describe("a send that never settles", () => {
  it("frees the buttons after BUSY_STATE_MAX_MS, so a stuck delivery never leaves the widget unusable", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const received: number[] = [];
      render(<Widget onFeedback={(data) => { received.push(data.score!); return new Promise<void>(() => {}); }} />);
      fireEvent.click(upvote());
      expect(upvote().getAttribute("aria-disabled")).toBe("true");
      await act(async () => { vi.advanceTimersByTime(BUSY_STATE_MAX_MS - 1); });
      expect(upvote().getAttribute("aria-disabled")).toBe("true");
      await act(async () => { vi.advanceTimersByTime(1); });
      expect(upvote().hasAttribute("aria-disabled")).toBe(false);
      fireEvent.click(downvote());
      expect(received).toEqual([1, 0]);
    } finally {
      vi.useRealTimers();
    }
  });
});
