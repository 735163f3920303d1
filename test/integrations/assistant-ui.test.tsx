import type { FeedbackAdapter, ThreadMessage } from "@assistant-ui/react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { startTransition, StrictMode, Suspense } from "react";
import { beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { useKeletFeedbackAdapter, type KeletFeedbackAdapter } from "../../src/integrations/assistant-ui";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";
import { AssistantChat, answeringModel, type AssistantChatProps } from "./assistant-ui-chat";

const server = useSignalServer();
beforeEach(() => resetLogOnce());

function renderChat(props: AssistantChatProps) {
  return render(
    <StrictMode>
      <KeletProvider apiKey="pk_test_1" project="chat" baseUrl={server.origin}>
        <AssistantChat {...props} />
      </KeletProvider>
    </StrictMode>,
  );
}

async function ask(question: string) {
  const before = screen.queryAllByTestId("assistant-message").length;
  fireEvent.change(screen.getByLabelText("Message"), { target: { value: question } });
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await waitFor(() => expect(screen.getAllByTestId("assistant-message")).toHaveLength(before + 1));
  return screen.getAllByTestId("assistant-message").at(-1)!;
}

function within(element: HTMLElement, label: string): HTMLElement {
  const found = element.querySelector<HTMLElement>(`[aria-label="${label}"]`);
  if (!found) throw new Error(`no ${label} in the message`);
  return found;
}

describe("useKeletFeedbackAdapter with a real assistant-ui runtime", () => {
  it("sends a thumbs up on an answer as score 1 on the session the server put on the message", async () => {
    renderChat({ model: answeringModel("sess-from-server") });
    const answer = await ask("What is the capital of France?");
    expect(answer.textContent).toContain("Answer to: What is the capital of France?");

    fireEvent.click(within(answer, "Good answer"));

    const [body] = await server.waitForAccepted(1);
    expect(server.requests[0]!.url).toBe("/api/projects/chat/signal");
    expect(body).toMatchObject({ session_id: "sess-from-server", kind: "feedback", source: "human", trigger_name: "user-vote", score: 1 });
    expect(body!.value).toBeUndefined();
    expect((body!.metadata as Record<string, unknown>).message_id).toEqual(expect.any(String));
  });

  it("sends a thumbs down as score 0", async () => {
    renderChat({ model: answeringModel("sess-down") });
    const answer = await ask("2 + 2?");
    fireEvent.click(within(answer, "Bad answer"));
    const [body] = await server.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "sess-down", score: 0, kind: "feedback" });
  });

  it("sends the user's comment as the value of the negative vote", async () => {
    renderChat({ model: answeringModel("sess-comment") });
    const answer = await ask("Summarise the report");
    fireEvent.change(within(answer, "Why was it wrong?"), { target: { value: "  It skipped the conclusion  " } });
    fireEvent.click(answer.querySelector('button[type="submit"]')!);
    const [body] = await server.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "sess-comment", score: 0, value: "It skipped the conclusion" });
  });

  it("uses the session the app names, as one id or read from the message, with its trigger and metadata", async () => {
    const { unmount } = renderChat({
      model: answeringModel("sess-on-message"),
      options: { sessionId: "thread-42", trigger_name: "thumbs", metadata: { page: "help" } },
    });
    fireEvent.click(within(await ask("one"), "Good answer"));
    const [first] = await server.waitForAccepted(1);
    expect(first).toMatchObject({ session_id: "thread-42", trigger_name: "thumbs", metadata: { page: "help" } });
    unmount();

    renderChat({
      model: answeringModel(undefined),
      options: { sessionId: (message) => `from-${message.role}` },
    });
    fireEvent.click(within(await ask("two"), "Bad answer"));
    const bodies = await server.waitForAccepted(2);
    expect(bodies[1]).toMatchObject({ session_id: "from-assistant", score: 0 });
  });

  it("sends nothing and warns once when no session can be found, without breaking the button", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    renderChat({ model: answeringModel(undefined) });
    const answer = await ask("no session here");
    fireEvent.click(within(answer, "Good answer"));
    fireEvent.click(within(answer, "Bad answer"));
    // assistant-ui still records the vote on the message: the press did not throw.
    await waitFor(() => expect(within(answer, "Bad answer").getAttribute("aria-pressed")).toBe("true"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests).toHaveLength(0);
    const messages = warn.mock.calls.map((call) => String(call[0])).filter((text) => text.includes("useKeletFeedbackAdapter"));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("metadata.custom.sessionId");
  });

  it("keeps the same adapter across re-renders and reads the latest options when a vote is pressed", async () => {
    const adapters = new Set<unknown>();
    const view = renderChat({ model: answeringModel(undefined), options: { sessionId: "first" }, onAdapter: (a) => adapters.add(a) });
    const answer = await ask("hello");
    view.rerender(
      <StrictMode>
        <KeletProvider apiKey="pk_test_1" project="chat" baseUrl={server.origin}>
          <AssistantChat model={answeringModel(undefined)} options={{ sessionId: "second" }} onAdapter={(a) => adapters.add(a)} />
        </KeletProvider>
      </StrictMode>,
    );
    // The thread survived the re-render (a new adapter would rebuild the runtime's options, not the thread, but stays one object).
    expect(screen.getAllByTestId("assistant-message")).toHaveLength(1);
    fireEvent.click(within(answer, "Good answer"));
    const [body] = await server.waitForAccepted(1);
    expect(body!.session_id).toBe("second");
    expect(adapters.size).toBe(1);
  });
});

describe("useKeletFeedbackAdapter on its own", () => {
  it("never rejects when the signal cannot be delivered: the provider's onError sees it", async () => {
    server.plan(403);
    const onError = vi.fn();
    vi.spyOn(console, "error").mockImplementation(() => {});
    let adapter!: KeletFeedbackAdapter;
    function Probe() {
      adapter = useKeletFeedbackAdapter({ sessionId: "s-1" });
      return null;
    }
    render(
      <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin} onError={onError}>
        <Probe />
      </KeletProvider>,
    );
    await act(async () => {
      await expect(adapter.submit({ message: { id: "m-1", role: "assistant" }, type: "positive" })).resolves.toBeUndefined();
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![1]).toMatchObject({ session_id: "s-1", score: 1 });
  });

  it("sends what the user saw: options from a render React threw away are never used", async () => {
    const suspendForever = new Promise<never>(() => {});
    let adapter!: KeletFeedbackAdapter;
    let discardedRenders = 0;
    function Probe({ sessionId, suspend }: { sessionId: string; suspend: boolean }) {
      adapter = useKeletFeedbackAdapter({ sessionId });
      if (sessionId === "discarded") discardedRenders += 1;
      if (suspend) throw suspendForever;
      return null;
    }
    const tree = (sessionId: string, suspend: boolean) => (
      <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin}>
        <Suspense fallback={null}>
          <Probe sessionId={sessionId} suspend={suspend} />
        </Suspense>
      </KeletProvider>
    );
    const view = render(tree("committed", false));
    // A transition whose render suspends forever: React renders it, then keeps the committed screen.
    act(() => startTransition(() => view.rerender(tree("discarded", true))));
    expect(discardedRenders).toBeGreaterThan(0);

    await act(() => adapter.submit({ message: { id: "m-1", role: "assistant" }, type: "positive" }));
    const [body] = await server.waitForAccepted(1);
    expect(body!.session_id).toBe("committed");
  });

  it("sends nothing and says why in development when the app's sessionId reader throws, without throwing itself", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    let adapter!: KeletFeedbackAdapter;
    function Probe() {
      adapter = useKeletFeedbackAdapter({
        sessionId: () => {
          throw new Error("no thread yet");
        },
      });
      return null;
    }
    render(
      <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin}>
        <Probe />
      </KeletProvider>,
    );
    await act(() => adapter.submit({ message: { id: "m-1", role: "assistant" }, type: "negative", comment: "meh" }));
    expect(server.requests).toHaveLength(0);
    expect(error.mock.calls.some((call) => String(call[0]).includes("sessionId(message) threw"))).toBe(true);
  });

  it("stays quiet in production when no session can be found, and still sends nothing", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let adapter!: KeletFeedbackAdapter;
    function Probe() {
      adapter = useKeletFeedbackAdapter();
      return null;
    }
    render(
      <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin}>
        <Probe />
      </KeletProvider>,
    );
    await act(() => adapter.submit({ message: { id: "m-1", role: "assistant", metadata: { custom: {} } }, type: "positive" }));
    vi.unstubAllEnvs();
    expect(server.requests).toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it("is assistant-ui's FeedbackAdapter as far as TypeScript is concerned", () => {
    expectTypeOf<KeletFeedbackAdapter>().toExtend<FeedbackAdapter>();
    expectTypeOf<KeletFeedbackAdapter<ThreadMessage>>().toExtend<FeedbackAdapter>();
    // and the session reader receives assistant-ui's own message type when the app annotates it
    expectTypeOf(useKeletFeedbackAdapter<ThreadMessage>).parameter(0).exclude<undefined>().toHaveProperty("sessionId");
  });
});
