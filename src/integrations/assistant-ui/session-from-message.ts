import type { FeedbackMessage } from "./types";

/** Keys of `message.metadata.custom` read by default, in order. */
export const SESSION_ID_METADATA_KEYS = ["sessionId", "session_id"] as const;

/**
 * The session id a server or model adapter put on the message, in
 * `metadata.custom.sessionId` or `metadata.custom.session_id`; `undefined`
 * when neither holds a non-empty string.
 */
export function sessionIdFromMessage(message: FeedbackMessage): string | undefined {
  const custom = message?.metadata?.custom;
  if (custom === null || typeof custom !== "object") return undefined;
  for (const key of SESSION_ID_METADATA_KEYS) {
    const value = custom[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}
