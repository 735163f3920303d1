// Adversarial review of useAnswerSignals / watchAnswer (issue 21, API.md D), through the public entries only.
import { act, render, screen } from "@testing-library/react";
import { StrictMode, Suspense, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { beforeEach, describe, expect, it } from "vitest";
import { KeletProvider, useAnswerSignals } from "../../src";
import { createKeletClient, watchAnswer } from "../../src/core";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();
const ANSWER = "The capital of France is Paris.";

beforeEach(() => localStorage.clear());

type Options = Parameters<typeof useAnswerSignals>[0];

function Answer(props: Options & { children?: ReactNode }) {
  const { children, ...options } = props;
  const { ref } = useAnswerSignals(options);
  return (
    <article ref={ref} data-testid="answer">
      <p data-testid="text">{ANSWER}</p>
      {children}
    </article>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <KeletProvider apiKey="pk_review_answers" project="review" baseUrl={server.origin} captureEvents={false} onError={() => {}}>
      <p data-testid="outside">Somewhere else on the page</p>
      {children}
    </KeletProvider>
  );
}

function copySelection(start: [Node, number], end: [Node, number]) {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const target = start[0].nodeType === 3 ? start[0].parentElement! : (start[0] as Element);
  act(() => void target.dispatchEvent(new Event("copy", { bubbles: true, cancelable: true })));
}

const text = (id: string) => screen.getByTestId(id).firstChild!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const triggers = () => server.requests.map((r) => JSON.parse(r.body).trigger_name as string);

describe("useAnswerSignals: what leaving means", () => {
  it("my answer's trace id arriving while it still streams is not me abandoning it", async () => {
    const view = render(<Page><Answer session_id="s-trace" streaming /></Page>);
    // The server tells the page the trace id in the first chunk of the stream.
    view.rerender(<Page><Answer session_id="s-trace" trace_id="trace-1" streaming /></Page>);
    view.rerender(<Page><Answer session_id="s-trace" trace_id="trace-1" streaming={false} /></Page>);
    await settle();
    expect(triggers()).not.toContain("user-abandon");
  });

  it("copying my answer again after its trace id arrived sends nothing more", async () => {
    const view = render(<Page><Answer session_id="s-trace-copy" /></Page>);
    copySelection([text("text"), 0], [text("text"), 5]);
    await server.waitForAccepted(1);
    view.rerender(<Page><Answer session_id="s-trace-copy" trace_id="trace-2" /></Page>);
    copySelection([text("text"), 0], [text("text"), 8]);
    await settle();
    expect(triggers()).toEqual(["user-copy"]);
  });

  it("a loading fallback covering my answer for a moment is not me abandoning it", async () => {
    const never = new Promise<never>(() => {});
    function MaybeWaiting({ wait }: { wait: boolean }) {
      // Thrown, not use(): the classic way works in React 18 too.
      if (wait) throw never;
      return null;
    }
    const tree = (wait: boolean) => (
      <Page>
        <Suspense fallback={<p>Loading…</p>}>
          <Answer session_id="s-suspense" streaming />
          <MaybeWaiting wait={wait} />
        </Suspense>
      </Page>
    );
    const view = render(tree(false));
    // A non-transition update suspends an already shown boundary: React hides the answer (it stays mounted).
    view.rerender(tree(true));
    expect(screen.getByText("Loading…")).toBeTruthy();
    await settle();
    expect(triggers()).not.toContain("user-abandon");
    // Still mounted under the fallback: unmounting it while it streams is the abandon (sent while this test's server is up).
    view.unmount();
    const [abandon] = await server.waitForAccepted(1);
    expect(abandon).toMatchObject({ trigger_name: "user-abandon", session_id: "s-suspense" });
  });

  it("a session change mid-stream sends the abandon on the old session, once", async () => {
    const view = render(<Page><Answer session_id="old-chat" streaming metadata={{ n: 1 }} /></Page>);
    view.rerender(<Page><Answer session_id="new-chat" streaming metadata={{ n: 2 }} /></Page>);
    const [abandon] = await server.waitForAccepted(1);
    expect(abandon).toMatchObject({ trigger_name: "user-abandon", session_id: "old-chat", score: 0, metadata: { n: 1 } });
    await settle();
    expect(triggers()).toEqual(["user-abandon"]);
  });

  it("closing the whole app root while my answer streams still delivers the abandon", async () => {
    const container = document.body.appendChild(document.createElement("div"));
    const root = createRoot(container);
    act(() => root.render(<Page><Answer session_id="s-root-gone" streaming /></Page>));
    act(() => root.unmount());
    const [abandon] = await server.waitForAccepted(1);
    expect(abandon).toMatchObject({ trigger_name: "user-abandon", session_id: "s-root-gone" });
    container.remove();
  });

  it("in StrictMode, a copy, a page hide while streaming and an unmount send one copy and one abandon", async () => {
    const view = render(<StrictMode><Page><Answer session_id="s-strict" streaming /></Page></StrictMode>);
    copySelection([text("text"), 0], [text("text"), 3]);
    act(() => void window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false })));
    view.unmount();
    await server.waitForAccepted(2);
    await settle();
    expect(triggers().sort()).toEqual(["user-abandon", "user-copy"]);
  });
});

describe("useAnswerSignals: what a copy counts", () => {
  it("a selection that starts in my answer and ends outside it counts only the answer's characters", async () => {
    render(<Page><Answer session_id="s-out" /><p data-testid="after">Trailing text</p></Page>);
    copySelection([text("text"), 4], [text("after"), 8]);
    const [copy] = await server.waitForAccepted(1);
    expect(copy).toMatchObject({ trigger_name: "user-copy", metadata: { copied_chars: ANSWER.length - 4, answer_chars: ANSWER.length } });
  });

  it("copying what I typed into a search box inside the answer sends nothing", async () => {
    render(
      <Page>
        <Answer session_id="s-input">
          <input aria-label="Ask more" defaultValue="" />
        </Answer>
      </Page>,
    );
    const input = screen.getByRole("textbox", { name: "Ask more" }) as HTMLInputElement;
    input.value = "my card number 4111";
    input.setSelectionRange(0, input.value.length);
    act(() => void input.dispatchEvent(new Event("copy", { bubbles: true, cancelable: true })));
    await settle();
    expect(server.requests).toHaveLength(0);
  });
});

describe("watchAnswer (/core)", () => {
  it("after stop(), the page being left sends nothing even though my streaming function still says true", async () => {
    const client = createKeletClient({ apiKey: "pk_review_watch", project: "review", baseUrl: server.origin, captureEvents: false, onError: () => {} });
    const element = document.body.appendChild(document.createElement("div"));
    element.textContent = ANSWER;
    let streaming = true;
    const watch = watchAnswer(client, element, { session_id: "s-watch", streaming: () => streaming });
    streaming = false;
    watch.stop();
    streaming = true;
    act(() => void window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false })));
    const range = document.createRange();
    range.selectNodeContents(element);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    element.dispatchEvent(new Event("copy", { bubbles: true }));
    await settle();
    expect(server.requests).toHaveLength(0);
    client.close();
    element.remove();
  });
});

describe("watchAnswer (/core): streaming as a function", () => {
  it("reads my streaming function when the page is left: false when I started watching, true at the hide, is an abandon", async () => {
    const client = createKeletClient({ apiKey: "pk_review_watch2", project: "review", baseUrl: server.origin, captureEvents: false, onError: () => {} });
    const element = document.body.appendChild(document.createElement("div"));
    element.textContent = ANSWER;
    let streaming = false;
    const watch = watchAnswer(client, element, { session_id: "s-fn", streaming: () => streaming });
    streaming = true;
    act(() => void window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false })));
    const [abandon] = await server.waitForAccepted(1);
    expect(abandon).toMatchObject({ trigger_name: "user-abandon", session_id: "s-fn", score: 0, kind: "event", source: "human" });
    watch.stop();
    await settle();
    expect(server.requests).toHaveLength(1);
    client.close();
    element.remove();
  });
});
