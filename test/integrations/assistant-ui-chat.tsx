import {
  ActionBarPrimitive,
  AssistantRuntimeProvider,
  ComposerPrimitive,
  MessagePrimitive,
  ThreadPrimitive,
  useAui,
  useLocalRuntime,
  type ChatModelAdapter,
  type ThreadMessage,
} from "@assistant-ui/react";
import { useEffect, useState } from "react";
import { useKeletFeedbackAdapter } from "../../src/integrations/assistant-ui";
import type { KeletFeedbackAdapterOptions } from "../../src/integrations/assistant-ui";

/** A model that answers every question at once, putting the server's session id (if any) on the answer. */
export function answeringModel(sessionId: string | undefined): ChatModelAdapter {
  return {
    async run({ messages }) {
      const question = messages.at(-1)?.content.find((part) => part.type === "text");
      return {
        content: [{ type: "text", text: `Answer to: ${question && "text" in question ? question.text : "?"}` }],
        metadata: sessionId === undefined ? {} : { custom: { sessionId } },
      };
    },
  };
}

function UserMessage() {
  return (
    <MessagePrimitive.Root data-testid="user-message">
      <MessagePrimitive.Parts />
    </MessagePrimitive.Root>
  );
}

/** The app's own "tell us why" box: assistant-ui hands the comment to the feedback adapter. */
function CommentBox() {
  const aui = useAui();
  const [comment, setComment] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        aui.message.submitFeedback({ type: "negative", comment });
      }}
    >
      <input aria-label="Why was it wrong?" value={comment} onChange={(event) => setComment(event.target.value)} />
      <button type="submit">Send comment</button>
    </form>
  );
}

function AssistantMessage() {
  return (
    <MessagePrimitive.Root data-testid="assistant-message">
      <MessagePrimitive.Parts />
      <ActionBarPrimitive.Root>
        <ActionBarPrimitive.FeedbackPositive aria-label="Good answer">👍</ActionBarPrimitive.FeedbackPositive>
        <ActionBarPrimitive.FeedbackNegative aria-label="Bad answer">👎</ActionBarPrimitive.FeedbackNegative>
      </ActionBarPrimitive.Root>
      <CommentBox />
    </MessagePrimitive.Root>
  );
}

export interface AssistantChatProps {
  model: ChatModelAdapter;
  options?: KeletFeedbackAdapterOptions<ThreadMessage>;
  /** Sees the adapter of every committed render, to check it stays the same object. */
  onAdapter?: (adapter: unknown) => void;
}

/** A real assistant-ui thread on a local runtime, with Kelet's feedback adapter. */
export function AssistantChat({ model, options, onAdapter }: AssistantChatProps) {
  const feedback = useKeletFeedbackAdapter(options);
  // Committed adapters only: a StrictMode double render may build one it throws away.
  useEffect(() => {
    onAdapter?.(feedback);
  });
  const runtime = useLocalRuntime(model, { adapters: { feedback } });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <ThreadPrimitive.Root>
        {/* No ThreadPrimitive.Viewport: its auto-scroll needs layout (ResizeObserver, scrollTo) that jsdom lacks. */}
        <ThreadPrimitive.Messages components={{ UserMessage, AssistantMessage }} />
        <ComposerPrimitive.Root>
          {/* A plain textarea (asChild): the default auto-sizing one loads React through CommonJS, out of reach of the React 18 test aliases. */}
          <ComposerPrimitive.Input asChild>
            <textarea aria-label="Message" />
          </ComposerPrimitive.Input>
          <ComposerPrimitive.Send>Send</ComposerPrimitive.Send>
        </ComposerPrimitive.Root>
      </ThreadPrimitive.Root>
    </AssistantRuntimeProvider>
  );
}
