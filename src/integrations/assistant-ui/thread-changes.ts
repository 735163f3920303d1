import type { FeedbackMessage } from "./types";

/** An assistant-ui message as the thread watcher reads it: `ThreadMessage` has all of this. */
export interface ThreadMessageLike extends FeedbackMessage {
  /** An assistant message's state: `"running"` while it streams, `"incomplete"` with `reason: "cancelled"` when stopped. */
  readonly status?: { readonly type: string; readonly reason?: string };
}

/** What a thread's `getState()` returns, as far as the watcher reads it. */
export interface ThreadStateLike<TMessage extends ThreadMessageLike = ThreadMessageLike> {
  readonly isRunning: boolean;
  readonly messages: readonly TMessage[];
}

/** What the user did between two states of a thread, each with the answer it concerns. */
export interface ThreadChange<TMessage extends ThreadMessageLike> {
  trigger: "user-retry" | "user-stop";
  message: TMessage;
}

const isRunning = (message: ThreadMessageLike | undefined) => message?.role === "assistant" && message.status?.type === "running";

/**
 * Reads a reload and a cancel from two states of the thread, the only way a
 * library sees them without the app's buttons (assistant-ui exposes no
 * event for either):
 * - reload: a new answer starts running where a finished answer stood,
 *   after the same message (switching branches shows a finished answer
 *   instead; editing a question changes the message before it);
 * - cancel: an answer seen running ends `incomplete` with reason `"cancelled"`.
 */
export function threadChanges<TMessage extends ThreadMessageLike>(
  before: ThreadStateLike<TMessage>,
  after: ThreadStateLike<TMessage>,
  seenRunning: Set<string>,
): ThreadChange<TMessage>[] {
  const changes: ThreadChange<TMessage>[] = [];
  after.messages.forEach((message, index) => {
    const replaced = before.messages[index];
    if (
      isRunning(message) &&
      replaced?.role === "assistant" &&
      replaced.id !== message.id &&
      // Reload is offered for finished answers only; a running answer whose id changes was renamed, not replaced.
      !isRunning(replaced) &&
      before.messages[index - 1]?.id === after.messages[index - 1]?.id
    ) {
      changes.push({ trigger: "user-retry", message: replaced });
    }
    if (isRunning(message)) seenRunning.add(message.id);
    else if (seenRunning.delete(message.id) && message.status?.type === "incomplete" && message.status.reason === "cancelled") {
      changes.push({ trigger: "user-stop", message });
    }
  });
  return changes;
}

/** The answer on its way, if any: the running assistant message. */
export function runningAnswer<TMessage extends ThreadMessageLike>(state: ThreadStateLike<TMessage>): TMessage | undefined {
  return state.isRunning ? state.messages.find(isRunning) : undefined;
}
