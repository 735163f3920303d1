import type { ChatMessageLike } from "./types";

/**
 * The session id a server put in a message's metadata (with the AI SDK's
 * `messageMetadata` on `toUIMessageStreamResponse`), read from
 * `message.metadata[key]`; `undefined` when there is none.
 *
 * ```ts
 * const answer = chat.messages.findLast((m) => m.role === "assistant");
 * <VoteFeedback.Root session_id={sessionIdFromMetadata(answer) ?? chat.id}>
 * ```
 */
export function sessionIdFromMetadata(message: ChatMessageLike | null | undefined, key = "sessionId"): string | undefined {
  const metadata = message?.metadata;
  if (metadata === null || typeof metadata !== "object") return undefined;
  const value = (metadata as Record<string, unknown>)[key];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
