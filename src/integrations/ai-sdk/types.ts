/**
 * The parts of `useChat`'s return value (from `@ai-sdk/react`) the wrapper
 * uses, written out so this entry never needs the AI SDK to build or load.
 * `useChat()`'s helpers have them all.
 */
export interface ChatLike {
  /** The chat's id: the AI SDK sends it to your route as the request body's `id`. */
  readonly id: string;
  readonly messages: readonly ChatMessageLike[];
  /** `"submitted"` and `"streaming"` while an answer is on its way; `"ready"` or `"error"` otherwise. */
  readonly status: string;
  regenerate: (...args: never[]) => Promise<void>;
  stop: () => Promise<void> | void;
}

/** A message of the chat, as far as the wrapper reads it. */
export interface ChatMessageLike {
  readonly id: string;
  readonly role: string;
  readonly metadata?: unknown;
}

/** Options of {@link useKeletChat}. */
export interface KeletChatOptions {
  /**
   * The session the retry, stop and abandon signals belong to: the id your
   * server passed to `agentic_session(session_id=...)`. Default: the chat's
   * `id`, which the AI SDK sends to your route as the body's `id`. When the
   * server chooses its own id and puts it in the message metadata, pass
   * `sessionIdFromMetadata(lastAssistantMessage) ?? chat.id`.
   */
  session_id?: string | undefined;
  /** Free JSON sent with every signal (retry, stop, abandon). */
  metadata?: Record<string, unknown>;
}
