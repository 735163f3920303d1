import type { FeedbackData } from "../core/signal";
import type { VoteKind } from "./state-machine";

/** What `VoteFeedback.Root` adds to every signal it builds. */
export interface SignalBase {
  session_id: string | (() => string);
  trigger_name?: string;
  metadata?: Record<string, unknown>;
  trace_id?: string;
}

/** What the popover adds to a vote. */
export interface Explanation {
  text: string;
  reasons: readonly string[];
}

/** True when the popover holds something worth sending: non-blank text or a chosen reason. */
export const hasExplanation = ({ text, reasons }: Explanation): boolean => text.trim() !== "" || reasons.length > 0;

/**
 * Builds one vote signal. `session_id` is resolved here, at send time, so a
 * function is called once per signal and never during render.
 */
export function buildVoteSignal({ session_id, trigger_name, trace_id, metadata }: SignalBase, vote: VoteKind, explanation?: Explanation): FeedbackData {
  const signal: FeedbackData = { session_id: typeof session_id === "function" ? session_id() : session_id, kind: "feedback", source: "human", score: vote === "upvote" ? 1 : 0 };
  if (trigger_name !== undefined) signal.trigger_name = trigger_name;
  if (trace_id !== undefined) signal.trace_id = trace_id;
  if (explanation) {
    const { text, reasons } = explanation;
    signal.value = text.trim() !== "" ? text : reasons.join(", ");
    if (reasons.length > 0) metadata = { ...metadata, reasons: [...reasons] };
  }
  if (metadata !== undefined) signal.metadata = metadata;
  return signal;
}
