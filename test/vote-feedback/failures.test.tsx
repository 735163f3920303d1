import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
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
  it("never leaves the buttons busy while my vote waits for a server that does not answer", async () => {
    server.plan("hang");
    renderInProvider({});
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await server.waitForRequests(1);
    await pause(20);
    const submit = screen.getByRole("button", { name: "Close without feedback" });
    expect(submit.hasAttribute("disabled")).toBe(false);
    expect(submit.hasAttribute("data-submitting")).toBe(false);
    expect(screen.getByRole("dialog").hasAttribute("data-submitting")).toBe(false);
    for (const button of [upvote(), downvote()]) {
      expect(button.hasAttribute("aria-disabled")).toBe(false);
      expect(button.hasAttribute("data-submitting")).toBe(false);
    }
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    // I change my mind at once: the upvote is taken, queued behind the hanging one.
    fireEvent.click(upvote());
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
  });

  it("sends my comment with Ctrl+Enter while my vote is still on its way, right after the vote", async () => {
    const received: Array<{ score?: number; value?: string }> = [];
    renderInProvider({
      onFeedback: (data) => {
        received.push({ score: data.score, value: data.value });
        return new Promise<void>(() => {});
      },
    });
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox(), { target: { value: "typed fast" } });
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(received).toEqual([{ score: 0, value: undefined }, { score: 0, value: "typed fast" }]);
  });
});
