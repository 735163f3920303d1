import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useChat } from "@ai-sdk/react";
import { act, render, renderHook, waitFor } from "@testing-library/react";
import { DefaultChatTransport } from "ai";
import { startTransition, StrictMode, Suspense, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { sessionIdFromMetadata, useKeletChat, type KeletChatOptions } from "../../src/integrations/ai-sdk";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";
import { useChatServer } from "./ai-sdk-chat-server";

const signals = useSignalServer();
const chatServer = useChatServer();

function renderChat(options?: KeletChatOptions) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <KeletProvider apiKey="pk_test_1" project="chat" baseUrl={signals.origin}>
        {children}
      </KeletProvider>
    </StrictMode>
  );
  const transport = new DefaultChatTransport({ api: chatServer.api });
  return renderHook((props: { options?: KeletChatOptions }) => useKeletChat(useChat({ transport }), props.options), {
    wrapper,
    initialProps: { options },
  });
}

type Chat = ReturnType<typeof renderChat>["result"];

async function ask(result: Chat, text: string) {
  await act(async () => {
    await result.current.sendMessage({ text });
  });
  await waitFor(() => expect(result.current.status).toBe("ready"));
}

/** Gives stray signals time to arrive, so "exactly one" is not just "one so far". */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe("useKeletChat over useChat against a streaming chat route", () => {
  it("sends one user-retry signal on the session the route received as the body's id, then regenerates", async () => {
    const { result } = renderChat();
    await ask(result, "What is the capital of France?");
    const firstAnswer = result.current.messages[1]!;
    expect(firstAnswer.parts).toContainEqual(expect.objectContaining({ type: "text", text: "Answer 1." }));

    await act(async () => {
      await result.current.regenerate();
    });
    await waitFor(() => expect(result.current.status).toBe("ready"));

    expect(chatServer.bodies).toHaveLength(2);
    expect(chatServer.bodies[1]!.trigger).toBe("regenerate-message");
    const [signal] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(signal).toMatchObject({
      session_id: chatServer.bodies[0]!.id,
      kind: "event",
      source: "human",
      trigger_name: "user-retry",
      score: 0,
      metadata: { message_id: firstAnswer.id },
    });
    expect(signal!.session_id).toBe(result.current.id);
    expect(result.current.messages.at(-1)!.parts).toContainEqual(expect.objectContaining({ type: "text", text: "Answer 2." }));
  });

  it("sends one user-stop signal when the user stops a streaming answer, however often they press stop", async () => {
    const { result } = renderChat();
    act(() => {
      void result.current.sendMessage({ text: "Tell me something slow" });
    });
    await waitFor(() => expect(result.current.status).toBe("streaming"));
    await waitFor(() => expect(result.current.messages.at(-1)?.role).toBe("assistant"));
    const streaming = result.current.messages.at(-1)!;

    await act(async () => {
      await Promise.all([result.current.stop(), result.current.stop()]);
    });
    await waitFor(() => expect(result.current.status).toBe("ready"));
    await waitFor(() => expect(chatServer.aborted).toBe(1));

    const [signal] = await signals.waitForAccepted(1);
    expect(signal).toMatchObject({
      session_id: result.current.id,
      kind: "event",
      source: "human",
      trigger_name: "user-stop",
      score: 0,
      metadata: { message_id: streaming.id },
    });
    // A stop with nothing on its way is not a judgement of an answer.
    await act(async () => {
      await result.current.stop();
    });
    await settle();
    expect(signals.requests).toHaveLength(1);
  });

  it("sends a stop pressed while the question is still submitted", async () => {
    const { result } = renderChat();
    act(() => {
      void result.current.sendMessage({ text: "hold on" });
    });
    await waitFor(() => expect(result.current.status).toBe("submitted"));
    await act(async () => {
      await result.current.stop();
    });
    await waitFor(() => expect(result.current.status).toBe("ready"));
    const [signal] = await signals.waitForAccepted(1);
    expect(signal).toMatchObject({ session_id: result.current.id, trigger_name: "user-stop", score: 0 });
    expect((signal!.metadata as Record<string, unknown>).message_id).toBeUndefined();
  });

  it("sends no signal for a retry after an error that left no answer, but still retries", async () => {
    chatServer.failNext();
    const { result } = renderChat();
    await act(async () => {
      await result.current.sendMessage({ text: "hello?" });
    });
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.messages.at(-1)!.role).toBe("user");

    await act(async () => {
      await result.current.regenerate();
    });
    await waitFor(() => expect(result.current.status).toBe("ready"));
    expect(chatServer.bodies).toHaveLength(2);
    await settle();
    expect(signals.requests).toHaveLength(0);
  });

  it("uses the session the server put in the answer's metadata when the app passes it", async () => {
    const { result, rerender } = renderChat();
    await ask(result, "Which session?");
    const answer = [...result.current.messages].reverse().find((message) => message.role === "assistant");
    const serverSession = sessionIdFromMetadata(answer);
    expect(serverSession).toBe(`server-${result.current.id}`);

    rerender({ options: { session_id: serverSession, metadata: { page: "support" } } });
    await act(async () => {
      await result.current.regenerate({ messageId: answer!.id });
    });
    const [signal] = await signals.waitForAccepted(1);
    expect(signal).toMatchObject({ session_id: serverSession, trigger_name: "user-retry", metadata: { page: "support", message_id: answer!.id } });
  });

  it("still regenerates when Kelet refuses the signal, and the provider's onError hears about it", async () => {
    signals.plan(403);
    const onError = vi.fn();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const transport = new DefaultChatTransport({ api: chatServer.api });
    const { result } = renderHook(() => useKeletChat(useChat({ transport })), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <KeletProvider apiKey="pk_1" project="p" baseUrl={signals.origin} onError={onError}>
          {children}
        </KeletProvider>
      ),
    });
    await ask(result, "first");
    await act(async () => {
      await expect(result.current.regenerate()).resolves.toBeUndefined();
    });
    await waitFor(() => expect(result.current.status).toBe("ready"));
    expect(result.current.messages.at(-1)!.parts).toContainEqual(expect.objectContaining({ type: "text", text: "Answer 2." }));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![1]).toMatchObject({ trigger_name: "user-retry" });
  });

  it("keeps regenerate and stop the same functions, and the whole object while nothing changes", async () => {
    const { result, rerender } = renderChat();
    const first = result.current;
    rerender({ options: undefined });
    expect(result.current).toBe(first);

    await ask(result, "Change something");
    expect(result.current).not.toBe(first);
    expect(result.current.regenerate).toBe(first.regenerate);
    expect(result.current.stop).toBe(first.stop);
  });

  it("sends what the user saw: options from a render React threw away are never used", async () => {
    const suspendForever = new Promise<never>(() => {});
    const transport = new DefaultChatTransport({ api: chatServer.api });
    let chat!: ReturnType<typeof useKeletChat<ReturnType<typeof useChat>>>;
    let discardedRenders = 0;
    function Page({ sessionId, suspend }: { sessionId?: string; suspend: boolean }) {
      chat = useKeletChat(useChat({ transport }), { session_id: sessionId });
      if (sessionId === "discarded") discardedRenders += 1;
      if (suspend) throw suspendForever;
      return null;
    }
    const tree = (sessionId: string | undefined, suspend: boolean) => (
      <KeletProvider apiKey="pk_1" project="p" baseUrl={signals.origin}>
        <Suspense fallback={null}>
          <Page sessionId={sessionId} suspend={suspend} />
        </Suspense>
      </KeletProvider>
    );
    const view = render(tree(undefined, false));
    await act(async () => {
      await chat.sendMessage({ text: "hello" });
    });
    await waitFor(() => expect(chatServer.bodies).toHaveLength(1));
    const committedId = chatServer.bodies[0]!.id;
    act(() => startTransition(() => view.rerender(tree("discarded", true))));
    expect(discardedRenders).toBeGreaterThan(0);

    await act(async () => {
      await chat.regenerate();
    });
    const [signal] = await signals.waitForAccepted(1);
    expect(signal!.session_id).toBe(committedId);
  });

  it("sends one user-abandon on the chat's session when the page is left for good while an answer streams", async () => {
    const { result } = renderChat({ metadata: { page: "support" } });
    act(() => {
      void result.current.sendMessage({ text: "Tell me something slow" });
    });
    await waitFor(() => expect(result.current.messages.at(-1)?.role).toBe("assistant"));
    await waitFor(() => expect(result.current.status).toBe("streaming"));
    const streaming = result.current.messages.at(-1)!;
    act(() => {
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
    });
    const [signal] = await signals.waitForAccepted(1);
    expect(signal).toMatchObject({
      session_id: result.current.id,
      kind: "event",
      source: "human",
      trigger_name: "user-abandon",
      score: 0,
      metadata: { page: "support", message_id: streaming.id },
    });
    await act(async () => {
      await result.current.stop();
    });
    await settle();
    // The stop after the abandon is still the user's stop; the page hide was sent once.
    expect(signals.accepted().map((body) => body.trigger_name)).toEqual(["user-abandon", "user-stop"]);
  });

  it("sends user-abandon when the chat unmounts while the question is still submitted", async () => {
    const { result, unmount } = renderChat();
    act(() => {
      void result.current.sendMessage({ text: "hold on" });
    });
    await waitFor(() => expect(result.current.status).toBe("submitted"));
    const id = result.current.id;
    unmount();
    const [signal] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(signal).toMatchObject({ session_id: id, trigger_name: "user-abandon", score: 0 });
  });

  it("sends nothing when a finished chat unmounts or the page is left, nor when the user stopped the answer first", async () => {
    const { result, unmount } = renderChat();
    await ask(result, "Hello");
    act(() => {
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
    });
    act(() => {
      void result.current.sendMessage({ text: "Tell me something slow" });
    });
    await waitFor(() => expect(result.current.status).toBe("streaming"));
    act(() => {
      void result.current.stop();
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
    });
    unmount();
    await signals.waitForAccepted(1);
    await settle();
    expect(signals.accepted().map((body) => body.trigger_name)).toEqual(["user-stop"]);
  });

  it("sends user-abandon on the old chat when chat.id changes while its answer streams", async () => {
    const transport = new DefaultChatTransport({ api: chatServer.api });
    const { result, rerender } = renderHook((props: { id: string }) => useKeletChat(useChat({ id: props.id, transport })), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StrictMode>
          <KeletProvider apiKey="pk_test_1" project="chat" baseUrl={signals.origin}>
            {children}
          </KeletProvider>
        </StrictMode>
      ),
      initialProps: { id: "chat-old" },
    });
    act(() => {
      void result.current.sendMessage({ text: "Tell me something slow" });
    });
    await waitFor(() => expect(result.current.status).toBe("streaming"));
    rerender({ id: "chat-new" });
    expect(result.current.id).toBe("chat-new");
    const [signal] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(signal).toMatchObject({ session_id: "chat-old", trigger_name: "user-abandon", score: 0 });
  });

  it("runs the AI SDK's own client and server code on this machine's Node", () => {
    const major = Number(process.versions.node.split(".")[0]);
    for (const name of ["ai", "@ai-sdk/react"]) {
      const manifest = JSON.parse(readFileSync(join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as {
        engines?: { node?: string };
      };
      // The pinned releases declare ">=18"; the newest ones declare ">=22", more than this machine has.
      const minimum = Number(/>=\s*(\d+)/.exec(manifest.engines?.node ?? ">=0")?.[1]);
      expect(major, `${name} declares node ${manifest.engines?.node}`).toBeGreaterThanOrEqual(minimum);
    }
  });
});

describe("sessionIdFromMetadata", () => {
  it("reads a non-empty string under the key, and nothing else", () => {
    expect(sessionIdFromMetadata({ id: "m", role: "assistant", metadata: { sessionId: "s-1" } })).toBe("s-1");
    expect(sessionIdFromMetadata({ id: "m", role: "assistant", metadata: { session_id: "s-2" } }, "session_id")).toBe("s-2");
    expect(sessionIdFromMetadata({ id: "m", role: "assistant", metadata: { sessionId: "" } })).toBeUndefined();
    expect(sessionIdFromMetadata({ id: "m", role: "assistant", metadata: { sessionId: 7 } })).toBeUndefined();
    expect(sessionIdFromMetadata({ id: "m", role: "assistant" })).toBeUndefined();
    expect(sessionIdFromMetadata(undefined)).toBeUndefined();
  });
});
