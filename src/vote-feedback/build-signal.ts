import type { FeedbackData } from "../core/signal";
import type { Vote } from "./state-machine";

/** What `VoteFeedback.Root` adds to every signal it builds. */
export interface SignalBase {
  session_id: string | (() => string);
  trigger_name?: string;
  metadata?: Record<string, unknown>;
  trace_id?: string;
}

/** Extra fields of the explanation signal sent from the popover. */
export interface Explanation {
  text: string;
  reasons: readonly string[];
}

/** True when the popover holds something worth sending: non-blank text or a chosen reason. */
export function hasExplanation({ text, reasons }: Explanation): boolean {
  return text.trim() !== "" || reasons.length > 0;
}

/**
 * Builds one vote signal. `session_id` is resolved here, at send time, so a
 * function is called once per signal and never during render.
 */
export function buildVoteSignal(base: SignalBase, vote: Exclude<Vote, null>, explanation?: Explanation): FeedbackData {
  const session_id = typeof base.session_id === "function" ? base.session_id() : base.session_id;
  const signal: FeedbackData = { session_id, kind: "feedback", source: "human", score: vote === "upvote" ? 1 : 0 };
  if (base.trigger_name !== undefined) signal.trigger_name = base.trigger_name;
  if (base.trace_id !== undefined) signal.trace_id = base.trace_id;
  let metadata = base.metadata;
  if (explanation) {
    const hasText = explanation.text.trim() !== "";
    signal.value = hasText ? explanation.text : explanation.reasons.join(", ");
    if (explanation.reasons.length > 0) metadata = { ...metadata, reasons: [...explanation.reasons] };
  }
  if (metadata !== undefined) signal.metadata = metadata;
  return signal;
}
