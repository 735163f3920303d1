/**
 * Every kind of signal Kelet accepts (the server SDK's full set), as a value:
 * `SignalKind.EVENT === "event"`, the same names as Kelet's TypeScript server SDK.
 * Kinds are case-insensitive: `"EVENT"`, `"Event"` and `"event"` are one kind, sent lowercase.
 */
export const SignalKind = {
  /** A vote: thumbs up/down, a rating. */
  FEEDBACK: "feedback",
  /** The user edited AI output. */
  EDIT: "edit",
  /** Something the user or the app did: a copy, a retry, an abandon. */
  EVENT: "event",
  /** A measured number. */
  METRIC: "metric",
  /** Anything else. */
  ARBITRARY: "arbitrary",
} as const;

/**
 * Every producer of a signal Kelet accepts (the server SDK's full set), as a value:
 * `SignalSource.HUMAN === "human"`. Sources are case-insensitive, sent lowercase.
 */
export const SignalSource = {
  /** A person using the app. */
  HUMAN: "human",
  /** A labelling process or reviewer. */
  LABEL: "label",
  /** An automated check. */
  SYNTHETIC: "synthetic",
} as const;

/** A kind as it is sent: lowercase. */
export type SignalKindName = (typeof SignalKind)[keyof typeof SignalKind];

/** A source as it is sent: lowercase. */
export type SignalSourceName = (typeof SignalSource)[keyof typeof SignalSource];

/**
 * What a signal is: a vote (`"feedback"`), an edit of AI output (`"edit"`), an `"event"`,
 * a `"metric"` or `"arbitrary"`. Case-insensitive: Kelet's guide writes `kind: 'EVENT'`,
 * and `SignalKind.EVENT` works too; the signal is sent lowercase.
 */
export type SignalKind = SignalKindName | Uppercase<SignalKindName> | Capitalize<SignalKindName>;

/**
 * Who produced a signal: a person (`"human"`), a `"label"`ler, or a `"synthetic"` check.
 * Case-insensitive (`source: 'HUMAN'` as in Kelet's guide, or `SignalSource.HUMAN`); sent lowercase.
 */
export type SignalSource = SignalSourceName | Uppercase<SignalSourceName> | Capitalize<SignalSourceName>;

/**
 * One signal about an AI answer: what every handler receives and what is posted to Kelet.
 * Field names are snake_case because that is the wire format.
 */
export interface FeedbackData {
  /**
   * The unit of work the signal belongs to: the id the server passed to `agentic_session(session_id=...)`.
   * A signal your code sends by hand may carry `trace_id` instead (Kelet accepts either): only such a
   * signal, handed back to `onError`, lacks it. Every signal the components and hooks build has one.
   */
  session_id: string;
  /** Vote (`"feedback"`), edit of AI output (`"edit"`), `"event"`, `"metric"` or `"arbitrary"`, in any case; defaults to `"feedback"`. */
  kind?: SignalKind;
  /** Who produced the signal: `"human"`, `"label"` or `"synthetic"`, in any case; defaults to `"human"`. */
  source?: SignalSource;
  /** What caused it: `"user-vote"`, `"ai_generation"`, a reducer action type. */
  trigger_name?: string;
  /** 1 = positive, 0 = negative; within [0, 1]. */
  score?: number;
  /** Explanation text, or the diff of an edit. */
  value?: string;
  /** For edits: how much changed (the diff percentage), within [0, 1]. */
  confidence?: number;
  // `any`, as in 1.3: an app's interface-typed object must fit, and apps read fields off it.
  /** Free JSON sent with the signal. */
  metadata?: Record<string, any>;
  /** ISO 8601 time of the signal; the provider fills in "now" when absent. */
  timestamp?: string;
  /** A trace to attach the signal to. Enough on its own when there is no `session_id`. */
  trace_id?: string;
}

/**
 * A signal identified by its trace alone: `trace_id` set, no `session_id`
 * (Kelet accepts either). Only the functions that send take it; handlers
 * receive {@link FeedbackData}, whose `session_id` stays a string as in 1.3.
 */
export interface TraceSignal extends Omit<FeedbackData, "session_id" | "trace_id"> {
  session_id?: undefined;
  /** The trace the signal is attached to; non-empty. */
  trace_id: string;
}

/**
 * What `feedback()`, `useKeletSignal()`'s function and a client's `signal()`
 * take: a signal with a `session_id`, or one with a `trace_id` instead. One
 * with neither does not compile.
 */
export type SignalData = FeedbackData | TraceSignal;

/**
 * A signal that passed validation: defaults applied, `kind` and `source`
 * lowercase, `timestamp` set. On a signal identified by `trace_id` alone,
 * `session_id` is absent at run time although the type (like `FeedbackData`'s,
 * which 1.3 apps read) says string.
 */
export interface ValidSignal extends Omit<FeedbackData, "kind" | "source"> {
  kind: SignalKindName;
  source: SignalSourceName;
  timestamp: string;
}
