// Adversarial review of useKeletChat's Kelet names (issue 21 part 3, API.md C.19), with a stand-in for useChat's helpers.
import { act, cleanup, render } from "@testing-library/react";
import { StrictMode, Suspense } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { KeletProvider } from "../../src";
import { useKeletChat, type ChatLike } from "../../src/integrations/ai-sdk";
import { createTestInbox } from "../../src/testing";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

function chatOf(id: string, status: string): ChatLike {
  return {
    id,
    status,
    messages: [
      { id: "u1", role: "user" },
      { id: "a1", role: "assistant" },
    ],
    regenerate: async () => {},
    stop: () => {},
  };
}

let current!: ChatLike;
function Chat({ chat }: { chat: ChatLike }) {
  current = useKeletChat(chat);
  return <p>{chat.status}</p>;
}

describe("useKeletChat speaks Kelet's names", () => {
  it("regenerate sends user-retry, stop while streaming sends user-stop, both on the chat id with score 0", async () => {
    const inbox = createTestInbox();
    render(
      <StrictMode>
        <KeletProvider apiKey="pk-kelet-chat" project="chat" fetch={inbox.fetch} captureEvents={false}>
          <Chat chat={chatOf("chat-1", "streaming")} />
        </KeletProvider>
      </StrictMode>,
    );
    await act(() => current.stop());
    await act(() => current.regenerate());
    await settle();
    expect(inbox.signals.map((s) => [s.body.trigger_name, s.body.session_id, s.body.score])).toEqual([
      ["user-stop", "chat-1", 0],
      ["user-retry", "chat-1", 0],
    ]);
  });

  it("a new chat id mid-stream sends user-abandon on the old chat, once", async () => {
    const inbox = createTestInbox();
    const page = (chat: ChatLike) => (
      <StrictMode>
        <KeletProvider apiKey="pk-kelet-chat" project="chat" fetch={inbox.fetch} captureEvents={false}>
          <Chat chat={chat} />
        </KeletProvider>
      </StrictMode>
    );
    const view = render(page(chatOf("old-chat", "streaming")));
    view.rerender(page(chatOf("new-chat", "ready")));
    view.unmount();
    await settle();
    expect(inbox.signals.map((s) => [s.body.trigger_name, s.body.session_id])).toEqual([["user-abandon", "old-chat"]]);
  });

  it("a loading fallback covering my streaming chat for a moment is not me abandoning it", async () => {
    const inbox = createTestInbox();
    const never = new Promise<never>(() => {});
    function MaybeWaiting({ wait }: { wait: boolean }) {
      // Thrown, not use(): the classic way works in React 18 too.
      if (wait) throw never;
      return null;
    }
    const page = (wait: boolean) => (
      <KeletProvider apiKey="pk-kelet-chat" project="chat" fetch={inbox.fetch} captureEvents={false}>
        <Suspense fallback={<p>Loading…</p>}>
          <Chat chat={chatOf("chat-s", "streaming")} />
          <MaybeWaiting wait={wait} />
        </Suspense>
      </KeletProvider>
    );
    const view = render(page(false));
    view.rerender(page(true));
    await settle();
    expect(inbox.signals.map((s) => s.body.trigger_name)).toEqual([]);
  });
});
