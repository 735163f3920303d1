import { act, fireEvent, render, screen } from "@testing-library/react";
import { StrictMode, startTransition, Suspense, useState, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FeedbackFunction } from "../../src/core/feedback-function";
import type { FetchLike } from "../../src/core/signal-request";
import { KeletProvider, type KeletProviderProps } from "../../src/provider/kelet-provider";
import { useKeletSignal } from "../../src/provider/use-kelet-signal";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();
afterEach(() => vi.unstubAllEnvs());

const lastBody = () => JSON.parse(server.requests.at(-1)!.body) as Record<string, any>;

/** Renders a "Helpful" button that sends a signal through the nearest provider; returns that provider's feedback. */
function SendButton({ seen }: { seen: { feedback?: FeedbackFunction } }) {
  const feedback = useKeletSignal();
  seen.feedback = feedback;
  return <button onClick={() => void feedback({ session_id: "clicked", score: 1 }).catch(() => {})}>Helpful</button>;
}

function tree(props: Partial<KeletProviderProps>, seen: { feedback?: FeedbackFunction }, inner?: (child: ReactNode) => ReactNode) {
  const button = <SendButton seen={seen} />;
  return (
    <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin} {...props}>
      {inner ? inner(button) : button}
    </KeletProvider>
  );
}

describe("KeletProvider as a layer over the client", () => {
  it("attaches the click that sent a signal as $dom_event", async () => {
    render(tree({}, {}));
    fireEvent.click(screen.getByText("Helpful"));
    await server.waitForAccepted(1);
    expect(lastBody().metadata.$dom_event).toMatchObject({ type: "click", label: "Helpful" });
  });

  it("with captureEvents={false} sends no $dom_event and installs no document listeners", async () => {
    const added = vi.spyOn(document, "addEventListener");
    render(tree({ captureEvents: false }, {}));
    expect(added.mock.calls.map((call) => call[0])).not.toContain("click");
    fireEvent.click(screen.getByText("Helpful"));
    await server.waitForAccepted(1);
    expect(lastBody().metadata).toBeUndefined();
  });

  it("a nested provider keeps its parent's captureEvents={false}, and may turn it back on", async () => {
    const inner: { feedback?: FeedbackFunction } = {};
    const reenabled: { feedback?: FeedbackFunction } = {};
    render(
      <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin} captureEvents={false}>
        <KeletProvider project="child">
          <SendButton seen={inner} />
        </KeletProvider>
        <KeletProvider project="other" captureEvents>
          <SendButton seen={reenabled} />
        </KeletProvider>
      </KeletProvider>,
    );
    // Each button sends from its click handler.
    fireEvent.click(screen.getAllByText("Helpful")[0]!);
    await server.waitForAccepted(1);
    expect(lastBody().metadata).toBeUndefined();
    fireEvent.click(screen.getAllByText("Helpful")[1]!);
    await server.waitForAccepted(2);
    expect(lastBody().metadata.$dom_event).toMatchObject({ type: "click" });
  });

  it("rejects metadata that is an array right after a click, as without one", async () => {
    const seen: { feedback?: FeedbackFunction } = {};
    const onError = vi.fn();
    render(tree({ onError }, seen));
    await expect(seen.feedback!({ session_id: "s", metadata: ["a"] as never })).rejects.toThrow(/"metadata"/);
    fireEvent.click(screen.getByText("Helpful"));
    await server.waitForAccepted(1);
    await expect(seen.feedback!({ session_id: "s", metadata: ["a"] as never })).rejects.toThrow(/"metadata"/);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(server.requests).toHaveLength(1);
  });

  it("under StrictMode keeps capturing after the double effects, and stops when unmounted", async () => {
    const seen: { feedback?: FeedbackFunction } = {};
    const view = render(<StrictMode>{tree({}, seen)}</StrictMode>);
    fireEvent.click(screen.getByText("Helpful"));
    await server.waitForAccepted(1);
    expect(lastBody().metadata.$dom_event).toMatchObject({ type: "click" });
    view.unmount();

    // Nothing listens any more: a click now is not seen by a provider mounted after it.
    const stray = document.createElement("button");
    document.body.append(stray);
    fireEvent.click(stray);
    stray.remove();
    const later: { feedback?: FeedbackFunction } = {};
    render(tree({}, later, () => <SendButton seen={later} />));
    await later.feedback!({ session_id: "after", score: 1 });
    expect(lastBody().metadata).toBeUndefined();
  });

  it("sends with the new key after apiKey changes, and with the same function after only onError changes", async () => {
    const seen: { feedback?: FeedbackFunction } = {};
    const view = render(tree({ onError: () => {} }, seen));
    const first = seen.feedback;
    view.rerender(tree({ onError: () => {} }, seen));
    expect(seen.feedback).toBe(first);
    view.rerender(tree({ apiKey: "pk_2" }, seen));
    expect(seen.feedback).not.toBe(first);
    await seen.feedback!({ session_id: "s", score: 1 });
    expect(server.requests.at(-1)!.headers.authorization).toBe("Bearer pk_2");
  });

  it("stops capturing when captureEvents turns false on a mounted provider", async () => {
    const seen: { feedback?: FeedbackFunction } = {};
    const view = render(tree({}, seen));
    view.rerender(tree({ captureEvents: false }, seen));
    fireEvent.click(screen.getByText("Helpful"));
    await server.waitForAccepted(1);
    expect(lastBody().metadata).toBeUndefined();
    view.rerender(tree({ captureEvents: true }, seen));
    fireEvent.click(screen.getByText("Helpful"));
    await server.waitForAccepted(2);
    expect(lastBody().metadata.$dom_event).toMatchObject({ type: "click" });
  });

  it("reads onError from the latest committed props without rebuilding", async () => {
    server.plan(403);
    const seen: { feedback?: FeedbackFunction } = {};
    const first = vi.fn();
    const second = vi.fn();
    const view = render(tree({ onError: first }, seen));
    view.rerender(tree({ onError: second }, seen));
    await expect(seen.feedback!({ session_id: "s", score: 1 })).rejects.toThrow("Forbidden");
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe("a render React throws away", () => {
  /** A child that suspends until `release()` is called. */
  function createGate() {
    let release: () => void = () => {};
    let done = false;
    const promise = new Promise<void>((resolve) => (release = () => ((done = true), resolve())));
    function Gate(): null {
      if (!done) throw promise;
      return null;
    }
    return { Gate, release: () => release() };
  }

  function countingFetch(calls: string[], name: string): FetchLike {
    return (url, init) => {
      calls.push(name);
      return fetch(url, init) as never;
    };
  }

  it("leaks no onError or fetch into a signal sent while a transition that changed them is suspended", async () => {
    const calls: string[] = [];
    const fetchA = countingFetch(calls, "A");
    const fetchB = countingFetch(calls, "B");
    const onErrorA = vi.fn();
    const onErrorB = vi.fn();
    const gate = createGate();
    const seen: { feedback?: FeedbackFunction } = {};
    let update: (next: { fetch: FetchLike; onError: () => void; loading: boolean }) => void = () => {};

    function App() {
      const [state, setState] = useState({ fetch: fetchA, onError: onErrorA as () => void, loading: false });
      update = setState;
      return (
        <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin} fetch={state.fetch} onError={state.onError}>
          <SendButton seen={seen} />
          {state.loading ? <gate.Gate /> : null}
        </KeletProvider>
      );
    }
    render(
      <Suspense fallback={<p>loading</p>}>
        <App />
      </Suspense>,
    );
    const feedback = seen.feedback!;
    // B's render runs the provider with fetchB/onErrorB, then suspends: it never commits.
    act(() => startTransition(() => update({ fetch: fetchB, onError: onErrorB, loading: true })));
    expect(screen.queryByText("loading")).toBeNull();

    server.plan(403);
    await expect(feedback({ session_id: "while-suspended", score: 0 })).rejects.toThrow("Forbidden");
    expect(calls).toEqual(["A"]);
    expect(onErrorA).toHaveBeenCalledTimes(1);
    expect(onErrorB).not.toHaveBeenCalled();

    // Once B commits, B's props are used.
    await act(async () => gate.release());
    server.plan(403);
    await expect(seen.feedback!({ session_id: "after-commit", score: 0 })).rejects.toThrow("Forbidden");
    expect(calls).toEqual(["A", "B"]);
    expect(onErrorB).toHaveBeenCalledTimes(1);
  });

  it("starts no listeners for a provider whose first render suspends and never commits", () => {
    const added = vi.spyOn(document, "addEventListener");
    const gate = createGate();
    render(
      <Suspense fallback={<p>loading</p>}>
        <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin}>
          <gate.Gate />
        </KeletProvider>
      </Suspense>,
    );
    expect(screen.getByText("loading")).toBeTruthy();
    expect(added.mock.calls.map((call) => call[0])).not.toContain("click");
  });
});
