/** Every kind of signal Kelet accepts (the server SDK's full set). */
export const SIGNAL_KINDS = ["feedback", "edit", "event", "metric", "arbitrary"] as const;

/** Every producer of a signal Kelet accepts (the server SDK's full set). */
export const SIGNAL_SOURCES = ["human", "label", "synthetic"] as const;

/** What a signal is: a vote (`"feedback"`), an edit of AI output (`"edit"`), or another kind. */
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Who produced a signal: a person (`"human"`), a labeller, or a synthetic check. */
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/**
 * One signal about an AI answer: what every handler receives and what is posted to Kelet.
 * Field names are snake_case because that is the wire format.
 */
export interface FeedbackData {
  /** The unit of work the signal belongs to: the id the server passed to `agentic_session(session_id=...)`. */
  session_id: string;
  /** Vote (`"feedback"`) or edit of AI output (`"edit"`); defaults to `"feedback"`. */
  kind?: SignalKind;
  /** Who produced the signal; defaults to `"human"`. */
  source?: SignalSource;
  /** What caused it: `"user-vote"`, `"ai_generation"`, a reducer action type. */
  trigger_name?: string;
  /** 1 = positive, 0 = negative; within [0, 1]. */
  score?: number;
  /** Explanation text, or the diff of an edit. */
  value?: string;
  /** For edits: how much changed (the diff percentage), within [0, 1]. */
  confidence?: number;
  /** Free JSON sent with the signal. */
  metadata?: Record<string, unknown>;
  /** ISO 8601 time of the signal; the provider fills in "now" when absent. */
  timestamp?: string;
  /** A trace to attach the signal to. */
  trace_id?: string;
}

/** A signal that passed validation: defaults applied, `timestamp` set. */
export interface ValidSignal extends FeedbackData {
  kind: SignalKind;
  source: SignalSource;
  timestamp: string;
}
