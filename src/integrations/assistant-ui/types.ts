/**
 * The parts of an assistant-ui message the adapter reads. assistant-ui's
 * `ThreadMessage` has them all, so its `FeedbackAdapter` accepts the adapter
 * as is; the types are written out here so this entry never needs
 * `@assistant-ui/react` to build or to load.
 */
export interface FeedbackMessage {
  readonly id: string;
  readonly role: string;
  readonly metadata?: {
    /** Free data on the message: where a server or a model adapter can put the session id. */
    readonly custom?: Record<string, unknown>;
  };
}

/** What assistant-ui passes to `FeedbackAdapter.submit` when a user presses a feedback button. */
export interface FeedbackSubmission<TMessage extends FeedbackMessage = FeedbackMessage> {
  message: TMessage;
  type: "positive" | "negative";
  /** The user's explanation, when the app collects one (already trimmed by assistant-ui). */
  comment?: string;
}

/** assistant-ui's `FeedbackAdapter`: pass it as `adapters: { feedback }` to a runtime. */
export interface KeletFeedbackAdapter<TMessage extends FeedbackMessage = FeedbackMessage> {
  /**
   * Sends the vote to Kelet. Never throws and never rejects (assistant-ui does
   * not await it): a signal that cannot be delivered goes to the provider's
   * `onError`. Resolves once the signal is delivered, dropped or given up on.
   */
  submit(feedback: FeedbackSubmission<TMessage>): Promise<void>;
}

/** Options of {@link useKeletFeedbackAdapter}. */
export interface KeletFeedbackAdapterOptions<TMessage extends FeedbackMessage = FeedbackMessage> {
  /**
   * The session each vote belongs to: the id your server passed to
   * `agentic_session(session_id=...)`. Either one id for the whole thread, or
   * a function that reads it from the voted message. Default: the message's
   * `metadata.custom.sessionId` (or `metadata.custom.session_id`), where a
   * model adapter or server can put it. A vote whose session cannot be found
   * is not sent (and warned about in development).
   */
  sessionId?: string | ((message: TMessage) => string | null | undefined);
  /** The signal's `trigger_name`. Default `"user-vote"`. */
  trigger_name?: string;
  /** Free JSON sent with every vote (the message id is added as `metadata.message_id`). */
  metadata?: Record<string, unknown>;
}
