import {
  ActionBarPrimitive,
  AssistantRuntimeProvider,
  ComposerPrimitive,
  MessagePrimitive,
  ThreadPrimitive,
  useLocalRuntime,
  type ChatModelAdapter,
} from "@assistant-ui/react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { useKeletThreadSignals } from "../../src/integrations/assistant-ui";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();

/** Answers stream their first words at once, then wait until `finish()` (or the user's cancel). */
let finish: () => void = () => {};
let answered = 0;
const slowModel: ChatModelAdapter = {
  async *run({ abortSignal }) {
    answered += 1;
    const metadata = { custom: { sessionId: "thread-session" } };
    yield { content: [{ type: "text", text: `Answer ${answered} begins` }], metadata };
    await new Promise<void>((resolve) => {
      finish = resolve;
      abortSignal.addEventListener("abort", () => resolve());
    });
    yield { content: [{ type: "text", text: `Answer ${answered} ends` }], metadata };
  },
};
beforeEach(() => {
  answered = 0;
  localStorage.clear();
});

function AssistantMessage() {
  return (
    <MessagePrimitive.Root data-testid="assistant-message">
      <MessagePrimitive.Parts />
      <ActionBarPrimitive.Root>
        <ActionBarPrimitive.Reload>Try again</ActionBarPrimitive.Reload>
      </ActionBarPrimitive.Root>
    </MessagePrimitive.Root>
  );
}

function Chat() {
  const runtime = useLocalRuntime(slowModel);
  useKeletThreadSignals(runtime, { metadata: { app: "thread" } });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <ThreadPrimitive.Root>
        <ThreadPrimitive.Messages components={{ AssistantMessage, UserMessage: () => null }} />
        <ComposerPrimitive.Root>
          <ComposerPrimitive.Input asChild>
            <textarea aria-label="Message" />
          </ComposerPrimitive.Input>
          <ComposerPrimitive.Send>Send</ComposerPrimitive.Send>
          <ComposerPrimitive.Cancel>Stop</ComposerPrimitive.Cancel>
        </ComposerPrimitive.Root>
      </ThreadPrimitive.Root>
    </AssistantRuntimeProvider>
  );
}

const page = (chat: boolean) => (
  <StrictMode>
    <KeletProvider apiKey="pk_test_1" project="chat" baseUrl={server.origin}>
      {chat && <Chat />}
    </KeletProvider>
  </StrictMode>
);

async function askAndWaitForStreaming() {
  fireEvent.change(screen.getByLabelText("Message"), { target: { value: "Why?" } });
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await screen.findByText(/Answer \d+ begins/);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("useKeletThreadSignals with a real assistant-ui runtime", () => {
  it("sends user-stop once when the user cancels a running answer with the composer's Cancel", async () => {
    render(page(true));
    await askAndWaitForStreaming();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    });
    const [body] = await server.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "thread-session", kind: "event", source: "human", trigger_name: "user-stop", score: 0, metadata: { app: "thread" } });
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it("sends user-retry for the answer a Reload replaces, and nothing for an answer that simply finishes", async () => {
    render(page(true));
    await askAndWaitForStreaming();
    await act(async () => finish());
    await screen.findByText("Answer 1 ends");
    await settle();
    expect(server.requests).toHaveLength(0);

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    });
    await screen.findByText("Answer 2 begins");
    const [body] = await server.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "thread-session", trigger_name: "user-retry", score: 0 });
    await act(async () => finish());
  });

  it("sends user-abandon when the thread goes away while an answer runs, and nothing for StrictMode's rehearsal", async () => {
    const view = render(page(true));
    await askAndWaitForStreaming();
    await settle();
    expect(server.requests).toHaveLength(0);
    view.rerender(page(false));
    const [body] = await server.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "thread-session", trigger_name: "user-abandon", score: 0 });
  });

  it("sends user-abandon when the page is left for good while an answer runs, once", async () => {
    render(page(true));
    await askAndWaitForStreaming();
    act(() => {
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
    });
    await server.waitForAccepted(1);
    await settle();
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["user-abandon"]);
    await act(async () => finish());
  });
});
