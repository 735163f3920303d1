import { act, render, screen } from "@testing-library/react";
import { startTransition, StrictMode, Suspense, type ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useAnswerSignals, type AnswerSignalsOptions } from "../../src/answer-signals";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";

const signals = useSignalServer();
const ANSWER = "Paris is the capital of France.";

beforeEach(() => localStorage.clear());

let api!: ReturnType<typeof useAnswerSignals>;
function Answer(props: AnswerSignalsOptions & { children?: ReactNode }) {
  const { children, ...options } = props;
  api = useAnswerSignals(options);
  return (
    <article ref={api.ref} data-testid="answer">
      <p data-testid="text">{ANSWER}</p>
      {children}
    </article>
  );
}

function Page(props: { answer?: AnswerSignalsOptions | null; children?: ReactNode; onError?: () => void }) {
  return (
    <KeletProvider apiKey="pk_test_answers" project="answers" baseUrl={signals.origin} onError={props.onError}>
      <p data-testid="outside">Elsewhere on the page</p>
      {props.answer && <Answer {...props.answer}>{props.children}</Answer>}
    </KeletProvider>
  );
}

/** StrictMode at the root: React 19 rehearses effects (mount, unmount, mount) only under a root StrictMode. */
const strict = (answer: AnswerSignalsOptions | null) => (
  <StrictMode>
    <Page answer={answer} />
  </StrictMode>
);

/** Selects from `start` (node, offset) to `end` and fires the copy event where the browser would: at the start's element. */
function copySelection(start: [Node, number], end: [Node, number] = start) {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const target = start[0].nodeType === 3 ? start[0].parentElement! : (start[0] as Element);
  act(() => {
    target.dispatchEvent(new Event("copy", { bubbles: true, cancelable: true }));
  });
}

const textNode = (testId: string) => screen.getByTestId(testId).firstChild!;

/** Gives stray signals time to arrive, so "exactly one" is not just "one so far". */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

function firePageHide() {
  act(() => {
    window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false }));
  });
}

describe("useAnswerSignals: copies", () => {
  it("a copy of part of the answer sends one user-copy with how much was copied and how long the answer is, its buttons not counted", async () => {
    render(
      <Page answer={{ session_id: "s-copy", metadata: { message_id: "m1" } }}>
        <button type="button">Copy</button>
      </Page>,
    );
    copySelection([textNode("text"), 0], [textNode("text"), 5]);
    const [body] = await signals.waitForAccepted(1);
    expect(body).toMatchObject({
      session_id: "s-copy",
      kind: "event",
      source: "human",
      trigger_name: "user-copy",
      score: 1,
      metadata: { message_id: "m1", copied_chars: 5, answer_chars: ANSWER.length },
    });
  });

  it("a copy of text outside the answer sends nothing", async () => {
    render(<Page answer={{ session_id: "s-outside" }} />);
    copySelection([textNode("outside"), 0], [textNode("outside"), 9]);
    await settle();
    expect(signals.requests).toHaveLength(0);
  });

  it("a selection that starts outside the answer and ends inside it counts only the answer's part", async () => {
    render(<Page answer={{ session_id: "s-partial" }} />);
    // The copy event fires outside the answer, where the selection starts.
    copySelection([textNode("outside"), 0], [textNode("text"), 6]);
    const [body] = await signals.waitForAccepted(1);
    expect(body).toMatchObject({ trigger_name: "user-copy", metadata: { copied_chars: 6, answer_chars: ANSWER.length } });
  });

  it("a second copy of the same answer, by shortcut or by button, sends nothing more", async () => {
    render(<Page answer={{ session_id: "s-twice" }} />);
    copySelection([textNode("text"), 0], [textNode("text"), 5]);
    copySelection([textNode("text"), 0], [textNode("text"), 10]);
    act(() => api.reportCopy(ANSWER));
    await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
  });

  it("a copy from a field inside the answer sends nothing, and what was typed is never counted", async () => {
    render(
      <Page answer={{ session_id: "s-field" }}>
        <textarea aria-label="Follow-up" defaultValue="" />
        <div contentEditable suppressContentEditableWarning data-testid="notes">
          my private notes
        </div>
      </Page>,
    );
    const field = screen.getByRole("textbox", { name: "Follow-up" }) as HTMLTextAreaElement;
    field.value = "secret draft";
    field.setSelectionRange(0, 6);
    // Even with answer text selected elsewhere in the document, a copy fired by the field is the field's.
    const answerRange = document.createRange();
    answerRange.selectNodeContents(textNode("text"));
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(answerRange);
    act(() => {
      field.dispatchEvent(new Event("copy", { bubbles: true, cancelable: true }));
    });
    copySelection([textNode("notes"), 0], [textNode("notes"), 7]);
    await settle();
    expect(signals.requests).toHaveLength(0);

    // A selection over the answer and the notes counts the answer's characters only.
    copySelection([textNode("text"), 0], [textNode("notes"), 7]);
    const [body] = await signals.waitForAccepted(1);
    expect(body!.metadata).toMatchObject({ copied_chars: ANSWER.length, answer_chars: ANSWER.length });
    expect(JSON.stringify(body)).not.toContain("private");
  });

  it("a selection across two answers is a copy of each, with each one's own part", async () => {
    function TwoAnswers() {
      const first = useAnswerSignals({ session_id: "s-first" });
      const second = useAnswerSignals({ session_id: "s-second" });
      return (
        <>
          <p ref={first.ref} data-testid="first">First answer.</p>
          <p ref={second.ref} data-testid="second">Second, longer answer.</p>
        </>
      );
    }
    render(
      <KeletProvider apiKey="pk_test_answers" project="answers" baseUrl={signals.origin}>
        <TwoAnswers />
      </KeletProvider>,
    );
    copySelection([textNode("first"), 6], [textNode("second"), 6]);
    const bodies = await signals.waitForAccepted(2);
    const bySession = Object.fromEntries(bodies.map((body) => [body.session_id, body.metadata]));
    expect(bySession).toEqual({
      "s-first": { copied_chars: "answer.".length, answer_chars: "First answer.".length },
      "s-second": { copied_chars: "Second".length, answer_chars: "Second, longer answer.".length },
    });
  });

  it("hears copies in the element the ref holds now, after the app swapped it", async () => {
    function Swapping({ expanded }: { expanded: boolean }) {
      const { ref } = useAnswerSignals({ session_id: "s-swap" });
      return expanded ? (
        <section ref={ref} data-testid="expanded">Expanded answer text</section>
      ) : (
        <p ref={ref} data-testid="short">Short</p>
      );
    }
    const tree = (expanded: boolean) => (
      <KeletProvider apiKey="pk_test_answers" project="answers" baseUrl={signals.origin}>
        <Swapping expanded={expanded} />
      </KeletProvider>
    );
    const view = render(tree(false));
    view.rerender(tree(true));
    copySelection([textNode("expanded"), 0], [textNode("expanded"), 8]);
    const [body] = await signals.waitForAccepted(1);
    expect(body!.metadata).toEqual({ copied_chars: 8, answer_chars: "Expanded answer text".length });
  });

  it("reportCopy from a copy button sends the length of what it copied, never the text", async () => {
    render(<Page answer={{ session_id: "s-button" }} />);
    act(() => api.reportCopy("Paris"));
    const [body] = await signals.waitForAccepted(1);
    expect(body).toMatchObject({ trigger_name: "user-copy", score: 1, metadata: { copied_chars: 5, answer_chars: ANSWER.length } });
    expect(JSON.stringify(body)).not.toContain("Paris");
  });
});

describe("useAnswerSignals: retry", () => {
  it("retry pressed twice sends one user-retry with score 0", async () => {
    render(<Page answer={{ session_id: "s-retry" }} />);
    act(() => {
      api.reportRetry();
      api.reportRetry();
    });
    const [body] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(body).toMatchObject({ session_id: "s-retry", kind: "event", source: "human", trigger_name: "user-retry", score: 0 });
  });

  it("a retry while the answer streams, then the answer going away, is a retry and not an abandon", async () => {
    const view = render(<Page answer={{ session_id: "s-retry-stream", streaming: true }} />);
    act(() => api.reportRetry());
    view.rerender(<Page answer={null} />);
    await signals.waitForAccepted(1);
    await settle();
    expect(signals.accepted().map((body) => body.trigger_name)).toEqual(["user-retry"]);
  });
});

describe("useAnswerSignals: abandon", () => {
  it("the answer unmounting while it streams sends one user-abandon with score 0", async () => {
    const view = render(<Page answer={{ session_id: "s-unmount", streaming: true }} />);
    view.rerender(<Page answer={null} />);
    const [body] = await signals.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "s-unmount", kind: "event", source: "human", trigger_name: "user-abandon", score: 0 });
  });

  it("leaving a finished answer sends nothing: by unmount, page hide or a new session", async () => {
    const view = render(<Page answer={{ session_id: "s-done", streaming: false }} />);
    firePageHide();
    view.rerender(<Page answer={{ session_id: "s-next", streaming: false }} />);
    view.rerender(<Page answer={null} />);
    await settle();
    expect(signals.requests).toHaveLength(0);
  });

  it("the page hidden for good while the answer streams sends one user-abandon; a second page hide nothing more", async () => {
    render(<Page answer={{ session_id: "s-pagehide", streaming: true }} />);
    firePageHide();
    firePageHide();
    const [body] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(body).toMatchObject({ session_id: "s-pagehide", trigger_name: "user-abandon", score: 0 });
  });

  it("an abandon made as the page is left offline is saved, and the next page load delivers it once", async () => {
    const onLine = vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    window.dispatchEvent(new Event("offline"));
    const first = render(<Page answer={{ session_id: "s-offline", streaming: true }} />);
    firePageHide();
    const saved = Object.keys(localStorage).filter((key) => key.startsWith("kelet:unsent:"));
    expect(saved).toHaveLength(1);
    expect(localStorage.getItem(saved[0]!)).toContain("user-abandon");
    first.unmount();

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event("online"));
    render(<Page answer={{ session_id: "s-next-visit" }} />);
    const [body] = await signals.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "s-offline", trigger_name: "user-abandon", score: 0 });
    await settle();
    expect(signals.requests).toHaveLength(1);
  });

  it("a tab switched away (visibility hidden) is not leaving: nothing is sent", async () => {
    render(<Page answer={{ session_id: "s-hidden", streaming: true }} />);
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    visibility.mockRestore();
    await settle();
    expect(signals.requests).toHaveLength(0);
  });

  it("streaming going false just before the page hides sends nothing", async () => {
    const view = render(<Page answer={{ session_id: "s-finished", streaming: true }} />);
    view.rerender(<Page answer={{ session_id: "s-finished", streaming: false }} />);
    firePageHide();
    view.rerender(<Page answer={null} />);
    await settle();
    expect(signals.requests).toHaveLength(0);
  });

  it("a StrictMode double mount abandons nothing, and the answer is still copied once", async () => {
    const view = render(strict({ session_id: "s-strict", streaming: true }));
    await settle();
    expect(signals.requests).toHaveLength(0);
    copySelection([textNode("text"), 0], [textNode("text"), 5]);
    copySelection([textNode("text"), 0], [textNode("text"), 5]);
    await signals.waitForAccepted(1);
    view.rerender(strict({ session_id: "s-strict", streaming: false }));
    view.rerender(strict(null));
    await settle();
    expect(signals.accepted().map((body) => body.trigger_name)).toEqual(["user-copy"]);
  });

  it("a session change mid-stream abandons the old session once, and the new answer is heard afresh", async () => {
    const view = render(<Page answer={{ session_id: "s-old", streaming: true, metadata: { turn: 1 } }} />);
    copySelection([textNode("text"), 0], [textNode("text"), 5]);
    await signals.waitForAccepted(1);
    // The new conversation is not streaming yet: the old one's streaming decides.
    view.rerender(<Page answer={{ session_id: "s-new", streaming: false, metadata: { turn: 2 } }} />);
    const bodies = await signals.waitForAccepted(2);
    expect(bodies[1]).toMatchObject({ session_id: "s-old", trigger_name: "user-abandon", metadata: { turn: 1 } });

    copySelection([textNode("text"), 0], [textNode("text"), 5]);
    const all = await signals.waitForAccepted(3);
    expect(all[2]).toMatchObject({ session_id: "s-new", trigger_name: "user-copy", metadata: { turn: 2 } });
    view.rerender(<Page answer={null} />);
    await settle();
    expect(signals.requests).toHaveLength(3);
  });

  it("a render React throws away never changes the session or the streaming a signal carries", async () => {
    const suspendForever = new Promise<never>(() => {});
    function Suspending({ suspend, ...options }: AnswerSignalsOptions & { suspend: boolean }) {
      api = useAnswerSignals(options);
      if (suspend) throw suspendForever;
      return <p ref={api.ref}>{ANSWER}</p>;
    }
    const tree = (options: AnswerSignalsOptions, suspend: boolean) => (
      <KeletProvider apiKey="pk_test_answers" project="answers" baseUrl={signals.origin}>
        <Suspense fallback={null}>
          <Suspending {...options} suspend={suspend} />
        </Suspense>
      </KeletProvider>
    );
    const view = render(tree({ session_id: "s-committed", streaming: true }, false));
    act(() => startTransition(() => view.rerender(tree({ session_id: "s-discarded", streaming: false }, true))));
    firePageHide();
    const [body] = await signals.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "s-committed", trigger_name: "user-abandon" });
  });
});

describe("useAnswerSignals: mistakes never break the app", () => {
  it("metadata that cannot be sent is refused with the field named, reaches onError, and nothing throws", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const onError = vi.fn();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    render(<Page onError={onError} answer={{ session_id: "s-bad", metadata: circular }} />);
    expect(() => act(() => api.reportRetry())).not.toThrow();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(String(onError.mock.calls[0]![0])).toMatch(/metadata/);
    await settle();
    expect(signals.requests).toHaveLength(0);
  });

  it("an empty session_id is refused with the field named, and nothing throws", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const onError = vi.fn();
    render(<Page onError={onError} answer={{ session_id: "" }} />);
    expect(() => act(() => api.reportCopy())).not.toThrow();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(String(onError.mock.calls[0]![0])).toMatch(/session_id/);
  });

  it("works outside a provider without throwing (the signal goes nowhere, with a warning)", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    render(<Answer session_id="s-none" streaming />);
    expect(() => act(() => api.reportRetry())).not.toThrow();
  });
});
