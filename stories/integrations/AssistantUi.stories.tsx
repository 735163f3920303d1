import {
  ActionBarPrimitive,
  AssistantRuntimeProvider,
  ComposerPrimitive,
  MessagePrimitive,
  ThreadPrimitive,
  useAui,
  useLocalRuntime,
  type ChatModelAdapter,
} from "@assistant-ui/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { useKeletFeedbackAdapter } from "@kelet-ai/feedback-ui/assistant-ui";
import { inboxFor } from "../../.storybook/story-inbox";
import "../patterns/patterns.css";

/**
 * Stands in for your model route: answers at once and puts the session id
 * your server used in `agentic_session(session_id=...)` on the answer, in
 * `metadata.custom.sessionId`, where the Kelet adapter looks by default.
 */
function modelWithSession(serverSessionId: string): ChatModelAdapter {
  return {
    async run({ messages }) {
      const question = messages.at(-1)?.content.find((part) => part.type === "text");
      const text = question && "text" in question ? question.text : "";
      return {
        content: [{ type: "text", text: `You asked: "${text}". The answer is Paris.` }],
        metadata: { custom: { sessionId: serverSessionId } },
      };
    },
  };
}

function UserMessage() {
  return (
    <MessagePrimitive.Root className="aui-story-user">
      <MessagePrimitive.Parts />
    </MessagePrimitive.Root>
  );
}

/** The app's own "what was wrong?" box: assistant-ui hands the comment to the feedback adapter. */
function CommentForm() {
  const aui = useAui();
  const [comment, setComment] = useState("");
  return (
    <form
      className="aui-story-comment"
      onSubmit={(event) => {
        event.preventDefault();
        aui.message.submitFeedback({ type: "negative", comment });
        setComment("");
      }}
    >
      <input aria-label="What was wrong?" placeholder="What was wrong?" value={comment} onChange={(event) => setComment(event.target.value)} />
      <button type="submit">Send</button>
    </form>
  );
}

function AssistantMessage() {
  return (
    <MessagePrimitive.Root className="answer">
      <MessagePrimitive.Parts />
      <ActionBarPrimitive.Root className="vote-bar">
        <ActionBarPrimitive.FeedbackPositive className="vote-button" aria-label="Good answer">
          👍
        </ActionBarPrimitive.FeedbackPositive>
        <ActionBarPrimitive.FeedbackNegative className="vote-button" aria-label="Bad answer">
          👎
        </ActionBarPrimitive.FeedbackNegative>
      </ActionBarPrimitive.Root>
      <CommentForm />
    </MessagePrimitive.Root>
  );
}

/** An assistant-ui thread whose feedback buttons send Kelet signals through the story's KeletProvider. */
function AssistantUiThread({ serverSessionId }: { serverSessionId: string }) {
  const feedback = useKeletFeedbackAdapter();
  const runtime = useLocalRuntime(modelWithSession(serverSessionId), { adapters: { feedback } });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <ThreadPrimitive.Root className="pattern" style={{ display: "grid", gap: 12 }}>
        <ThreadPrimitive.Viewport style={{ display: "grid", gap: 12 }}>
          <ThreadPrimitive.Messages components={{ UserMessage, AssistantMessage }} />
        </ThreadPrimitive.Viewport>
        <ComposerPrimitive.Root style={{ display: "flex", gap: 8 }}>
          <ComposerPrimitive.Input aria-label="Message" placeholder="Ask a question" rows={1} style={{ flex: 1 }} />
          <ComposerPrimitive.Send>Ask</ComposerPrimitive.Send>
        </ComposerPrimitive.Root>
      </ThreadPrimitive.Root>
    </AssistantRuntimeProvider>
  );
}

const meta = {
  title: "Integrations/assistant-ui",
  component: AssistantUiThread,
  parameters: { kelet: { showSignals: true } },
  args: { serverSessionId: "sess_aui_7d1e" },
} satisfies Meta<typeof AssistantUiThread>;

export default meta;
type Story = StoryObj<typeof meta>;

async function askAndWaitForAnswer(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "What is the capital of France?");
  await userEvent.click(canvas.getByRole("button", { name: "Ask" }));
  return canvas.findByRole("button", { name: "Good answer" });
}

/**
 * `ActionBarPrimitive.FeedbackPositive` through `useKeletFeedbackAdapter`:
 * `score: 1` on the session the model put on the answer.
 */
export const ThumbsUp: Story = {
  play: async ({ canvasElement, context }) => {
    const good = await askAndWaitForAnswer(canvasElement);
    await userEvent.click(good);
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(1));
    expect(inbox.signals[0]!.body).toMatchObject({ session_id: "sess_aui_7d1e", kind: "feedback", source: "human", trigger_name: "user-vote", score: 1 });
  },
};

/** A thumbs down sends `score: 0`; a comment goes out as the `value` of another negative vote. */
export const ThumbsDownWithComment: Story = {
  play: async ({ canvasElement, context }) => {
    await askAndWaitForAnswer(canvasElement);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Bad answer" }));
    await userEvent.type(canvas.getByRole("textbox", { name: "What was wrong?" }), "Wrong city");
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(2));
    expect(inbox.signals[0]!.body).toMatchObject({ session_id: "sess_aui_7d1e", score: 0 });
    expect(inbox.signals[1]!.body).toMatchObject({ session_id: "sess_aui_7d1e", score: 0, value: "Wrong city" });
  },
};
