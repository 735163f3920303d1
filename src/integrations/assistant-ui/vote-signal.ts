import type { FeedbackData } from "../../core/signal";
import type { FeedbackMessage, FeedbackSubmission } from "./types";

/** The trigger a vote from assistant-ui's feedback buttons is sent with, unless the app names another. */
export const DEFAULT_VOTE_TRIGGER = "user-vote";

/**
 * The Kelet signal for one assistant-ui feedback press: positive is 1,
 * negative 0, the comment is the value; the message id travels in
 * `metadata.message_id` so votes on different answers of one session stay apart.
 */
export function voteSignal(
  submission: FeedbackSubmission<FeedbackMessage>,
  session_id: string,
  options: { trigger_name?: string | undefined; metadata?: Record<string, unknown> | undefined },
): FeedbackData {
  const comment = submission.comment?.trim();
  return {
    session_id,
    kind: "feedback",
    source: "human",
    trigger_name: options.trigger_name ?? DEFAULT_VOTE_TRIGGER,
    score: submission.type === "positive" ? 1 : 0,
    ...(comment ? { value: comment } : {}),
    metadata: { message_id: submission.message?.id, ...options.metadata },
  };
}
