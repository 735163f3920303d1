import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { createSessionId, readSessionId, VoteFeedback, type FeedbackData } from "@kelet-ai/feedback-ui";

/**
 * Recipe: link a vote to the server's trace. The client makes an id, the
 * server runs `agentic_session(session_id=...)` with it and answers with the
 * `X-Session-ID` header, and the widget sends its signals with that id.
 * Here the "server" is a stand-in `fetch` so the story runs anywhere.
 */
async function askServer(question: string, clientId: string): Promise<Response> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return new Response(JSON.stringify({ answer: `You asked: "${question}". Paris.` }), {
    headers: { "Content-Type": "application/json", "X-Session-ID": clientId },
  });
}

function Chat({ onSignal }: { onSignal: (signal: FeedbackData) => void }) {
  // One id per conversation, created once (not on every render).
  const [clientId] = useState(() => createSessionId());
  const [answer, setAnswer] = useState<{ text: string; sessionId: string } | null>(null);

  async function ask() {
    const response = await askServer("What is the capital of France?", clientId);
    const { answer: text } = (await response.json()) as { answer: string };
    setAnswer({ text, sessionId: readSessionId(response) ?? clientId });
  }

  return (
    <div style={{ fontFamily: "system-ui", maxWidth: 420, display: "grid", gap: 12 }}>
      <button type="button" onClick={() => void ask()}>
        Ask the assistant
      </button>
      {answer && (
        <>
          <p>{answer.text}</p>
          <p>
            <small>X-Session-ID: {answer.sessionId}</small>
          </p>
          {/* The story shows each signal in the Actions panel instead of sending it (onFeedback). */}
          <VoteFeedback.Root session_id={answer.sessionId} onFeedback={onSignal} trigger_name="user-vote">
            <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
            <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
            <VoteFeedback.Popover>
              <VoteFeedback.Textarea />
              <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
            </VoteFeedback.Popover>
          </VoteFeedback.Root>
        </>
      )}
    </div>
  );
}

const meta = {
  title: "Recipes/Session id from the server",
  component: Chat,
  args: { onSignal: () => {} },
  argTypes: { onSignal: { action: "signal" } },
  parameters: { layout: "centered" },
} satisfies Meta<typeof Chat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ask, then vote: the signal carries the id from the response header. */
export const FromResponseHeader: Story = {};
