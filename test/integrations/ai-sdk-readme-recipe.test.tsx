import { useChat } from "@ai-sdk/react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DefaultChatTransport } from "ai";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { sessionIdFromMetadata, useKeletChat } from "../../src/integrations/ai-sdk";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { VoteFeedback } from "../../src/vote-feedback";
import { useSignalServer } from "../support/signal-server";
import { useChatServer } from "./ai-sdk-chat-server";

const signals = useSignalServer();
const chatServer = useChatServer();

/**
 * README "Vercel AI SDK: useKeletChat": the page as written there, plus a transport to the test's route and an
 * Ask button (and `findLast` spelled for the ES2022 lib this repository type-checks with).
 */
function ChatPage({ api }: { api: string }) {
  const [transport] = useState(() => new DefaultChatTransport({ api }));
  const helpers = useChat({ transport });
  const lastAnswer = [...helpers.messages].reverse().find((message) => message.role === "assistant");
  const chat = useKeletChat(helpers, { session_id: sessionIdFromMetadata(lastAnswer) });
  return (
    <>
      {chat.messages.map((message) => (
        <div key={message.id} data-testid={`message-${message.role}`}>
          {message.parts.map((part, i) => (part.type === "text" ? <p key={i}>{part.text}</p> : null))}
          {message.role === "assistant" && chat.status !== "streaming" && (
            <VoteFeedback.Root session_id={sessionIdFromMetadata(message) ?? chat.id} metadata={{ message_id: message.id }}>
              <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
              <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
              <VoteFeedback.Popover>
                <VoteFeedback.Textarea />
                <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
              </VoteFeedback.Popover>
            </VoteFeedback.Root>
          )}
        </div>
      ))}
      <button onClick={() => void chat.sendMessage({ text: "What is the capital of France?" })}>Ask</button>
      <button onClick={() => chat.regenerate()}>Try again</button>
      {(chat.status === "submitted" || chat.status === "streaming") && <button onClick={() => chat.stop()}>Stop</button>}
    </>
  );
}

describe("the README's useChat page", () => {
  it("votes beside each answer and Try again land in the session the server put in the answer's metadata", async () => {
    render(
      <KeletProvider apiKey="pk_test_1" project="chat" baseUrl={signals.origin}>
        <ChatPage api={chatServer.api} />
      </KeletProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Ask" }));
    await screen.findByRole("button", { name: "Upvote feedback" });
    const chatId = chatServer.bodies[0]!.id;

    fireEvent.click(screen.getByRole("button", { name: "Upvote feedback" }));
    const [vote] = await signals.waitForAccepted(1);
    expect(vote).toMatchObject({ session_id: `server-${chatId}`, kind: "feedback", score: 1 });

    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    const bodies = await signals.waitForAccepted(2);
    expect(bodies[1]).toMatchObject({ session_id: `server-${chatId}`, kind: "event", trigger_name: "user-retry", score: 0 });
    await waitFor(() => expect(screen.getByTestId("message-assistant").textContent).toContain("Answer 2."));
  });
});
