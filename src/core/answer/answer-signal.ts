import type { FeedbackData } from "../signal";

/** Kelet's `source-action` names for what a user does with an answer (its integration guide uses these). */
export const COPY_TRIGGER = "user-copy";
export const RETRY_TRIGGER = "user-retry";
export const ABANDON_TRIGGER = "user-abandon";

export type AnswerTrigger = typeof COPY_TRIGGER | typeof RETRY_TRIGGER | typeof ABANDON_TRIGGER;

/** Which answer a signal is about: its session (or trace), and free JSON sent with each signal. */
export interface AnswerIdentity {
  /** The id your server passed to `agentic_session(session_id=...)` for this answer. */
  session_id?: string | undefined;
  /** The answer's trace, sent with the signal; enough on its own when there is no `session_id`. */
  trace_id?: string | undefined;
  /** Free JSON sent with every signal of this answer. */
  metadata?: Record<string, unknown> | undefined;
}

/** A copy is the answer being used (score 1); a retry or an abandon says it was not what the user needed (score 0). */
const SCORE_OF: Record<AnswerTrigger, number> = { [COPY_TRIGGER]: 1, [RETRY_TRIGGER]: 0, [ABANDON_TRIGGER]: 0 };

/** The event signal for one thing the user did with the answer. */
export function answerSignal(trigger_name: AnswerTrigger, answer: AnswerIdentity, measured?: Record<string, number>): FeedbackData {
  return {
    // Absent with a trace_id is valid (validation accepts a trace alone); the client validates the rest.
    session_id: answer.session_id as string,
    ...(answer.trace_id !== undefined ? { trace_id: answer.trace_id } : {}),
    kind: "event",
    source: "human",
    trigger_name,
    score: SCORE_OF[trigger_name],
    ...(answer.metadata || measured ? { metadata: { ...answer.metadata, ...measured } } : {}),
  };
}
