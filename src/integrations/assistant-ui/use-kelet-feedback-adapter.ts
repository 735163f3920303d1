import { useLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { useRef, useState } from "react";
import { logOnce } from "../../core/console-once";
import { markSignalPlace } from "../../core/diagnostics";
import { useKeletSignal } from "../../provider/use-kelet-signal";
import { sessionIdFromMessage } from "./session-from-message";
import type { FeedbackMessage, FeedbackSubmission, KeletFeedbackAdapter, KeletFeedbackAdapterOptions } from "./types";
import { voteSignal } from "./vote-signal";

function warnNoSession(message: FeedbackMessage): void {
  if (process.env.NODE_ENV === "production") return;
  logOnce(
    "warn",
    "kelet:assistant-ui:no-session",
    `[kelet] useKeletFeedbackAdapter found no session id for message ${JSON.stringify(message?.id)}, so the vote was not sent. ` +
      "Put the id your server passed to agentic_session(session_id=...) in the message's metadata.custom.sessionId, " +
      "or pass useKeletFeedbackAdapter({ sessionId }) (one id for the thread, or (message) => id).",
  );
}

function resolveSessionId<TMessage extends FeedbackMessage>(
  source: KeletFeedbackAdapterOptions<TMessage>["sessionId"],
  message: TMessage,
): string | undefined {
  let id: unknown;
  if (typeof source === "function") {
    try {
      id = source(message);
    } catch (error) {
      // A bug in the app's reader must not break assistant-ui's button: say so in development, send nothing.
      if (process.env.NODE_ENV !== "production") console.error("[kelet] useKeletFeedbackAdapter's sessionId(message) threw:", error);
      return undefined;
    }
  } else {
    id = source ?? sessionIdFromMessage(message);
  }
  return typeof id === "string" && id.trim() !== "" ? id : undefined;
}

/**
 * assistant-ui's `FeedbackAdapter`, sending each press of
 * `ActionBarPrimitive.FeedbackPositive` / `FeedbackNegative` to Kelet
 * through the nearest `KeletProvider`: positive is score 1, negative 0,
 * a comment is the value (`kind: "feedback"`, `source: "human"`).
 *
 * ```tsx
 * const feedback = useKeletFeedbackAdapter({ sessionId: (message) => message.metadata.custom.sessionId as string });
 * const runtime = useLocalRuntime(modelAdapter, { adapters: { feedback } });
 * ```
 *
 * The adapter is the same object on every render (a runtime never restarts
 * because of it); it reads the options of the last committed render.
 */
export function useKeletFeedbackAdapter<TMessage extends FeedbackMessage = FeedbackMessage>(
  options: KeletFeedbackAdapterOptions<TMessage> = {},
): KeletFeedbackAdapter<TMessage> {
  const signal = useKeletSignal();
  // Written after commit, so a render React throws away never changes what a press sends.
  const latest = useRef({ options, signal });
  useLayoutEffect(() => {
    latest.current = { options, signal };
  });

  const [adapter] = useState<KeletFeedbackAdapter<TMessage>>(() => ({
    submit(submission: FeedbackSubmission<TMessage>): Promise<void> {
      const { options: current, signal: send } = latest.current;
      const session_id = resolveSessionId(current.sessionId, submission.message);
      if (session_id === undefined) {
        warnNoSession(submission.message);
        return Promise.resolve();
      }
      const data = voteSignal(submission, session_id, current);
      // Development messages about this signal name the adapter.
      if (process.env.NODE_ENV !== "production") markSignalPlace(data, "useKeletFeedbackAdapter");
      // The provider already reported a failure (onError, development console): assistant-ui does not await this.
      return send(data).catch(() => undefined);
    },
  }));
  return adapter;
}
