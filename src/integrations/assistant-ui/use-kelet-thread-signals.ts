import { useLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { useEffect, useRef } from "react";
import { subscribePageHide } from "../../core/page-lifecycle";
import type { FeedbackData } from "../../core/signal";
import { useKeletSignal } from "../../provider/use-kelet-signal";
import { sessionIdFromMessage } from "./session-from-message";
import { runningAnswer, threadChanges, type ThreadMessageLike, type ThreadStateLike } from "./thread-changes";

/** An assistant-ui runtime (`useLocalRuntime`, `useAssistantRuntime()`, ...), as far as the watcher reads it. */
export interface ThreadRuntimeLike<TMessage extends ThreadMessageLike = ThreadMessageLike> {
  readonly thread: {
    getState(): ThreadStateLike<TMessage>;
    subscribe(callback: () => void): () => void;
  };
}

/** Options of {@link useKeletThreadSignals}. */
export interface KeletThreadSignalsOptions<TMessage extends ThreadMessageLike = ThreadMessageLike> {
  /** The session of each answer, as for `useKeletFeedbackAdapter`. Default: `metadata.custom.sessionId` of the message. */
  sessionId?: string | ((message: TMessage) => string | null | undefined);
  /** Free JSON sent with every signal (the message id is added as `metadata.message_id`). */
  metadata?: Record<string, unknown>;
}

type Trigger = "user-retry" | "user-stop" | "user-abandon";

/**
 * Tells Kelet what users do with the answers of an assistant-ui thread,
 * without changing its buttons: `user-retry` when an answer is reloaded
 * (`ActionBarPrimitive.Reload`), `user-stop` when a running answer is
 * cancelled (`ComposerPrimitive.Cancel`), and `user-abandon` when the user
 * leaves (page left for good, this hook unmounts) while an answer runs.
 * Each is `kind: "event"`, `source: "human"`, `score: 0`, once per answer.
 *
 * Copies made with `ActionBarPrimitive.Copy` write through
 * `navigator.clipboard` and assistant-ui has no public event for them: pass
 * `onClick` to that button, or use `useAnswerSignals` on the message.
 *
 * ```tsx
 * const runtime = useLocalRuntime(model, { adapters: { feedback } });
 * useKeletThreadSignals(runtime);
 * ```
 */
export function useKeletThreadSignals<TMessage extends ThreadMessageLike = ThreadMessageLike>(
  runtime: ThreadRuntimeLike<TMessage>,
  options: KeletThreadSignalsOptions<TMessage> = {},
): void {
  const signal = useKeletSignal();
  // Written after commit, so a render React throws away never changes what is sent.
  const latest = useRef({ options, signal });
  useLayoutEffect(() => {
    latest.current = { options, signal };
  });
  // Once per answer and trigger, for as long as the component lives (StrictMode re-subscribes).
  const sent = useRef(new Set<string>());
  const seenRunning = useRef(new Set<string>());
  const unmounting = useRef(false);

  useEffect(() => {
    const thread = runtime?.thread;
    if (typeof thread?.getState !== "function" || typeof thread.subscribe !== "function") {
      if (process.env.NODE_ENV !== "production") console.error("[kelet] useKeletThreadSignals(runtime): runtime must be an assistant-ui runtime (from useLocalRuntime or useAssistantRuntime()).");
      return;
    }
    const send = (trigger: Trigger, message: TMessage | undefined) => {
      if (!message || sent.current.has(`${trigger}:${message.id}`)) return;
      const { options: current, signal: deliver } = latest.current;
      const source = current.sessionId;
      let session_id: unknown;
      try {
        session_id = typeof source === "function" ? source(message) : (source ?? sessionIdFromMessage(message));
      } catch (error) {
        console.error("[kelet] useKeletThreadSignals's sessionId(message) threw:", error);
        return;
      }
      if (typeof session_id !== "string" || !session_id.trim()) return;
      sent.current.add(`${trigger}:${message.id}`);
      const data: FeedbackData = { session_id, kind: "event", source: "human", trigger_name: trigger, score: 0, metadata: { message_id: message.id, ...current.metadata } };
      deliver(data).catch(() => undefined);
    };
    let before = thread.getState();
    threadChanges(before, before, seenRunning.current);
    const unsubscribe = thread.subscribe(() => {
      const after = thread.getState();
      for (const change of threadChanges(before, after, seenRunning.current)) send(change.trigger, change.message);
      before = after;
    });
    const stopPageHide = subscribePageHide("emit-edits", (reason) => reason === "pagehide" && send("user-abandon", runningAnswer(thread.getState())));
    unmounting.current = false;
    return () => {
      unsubscribe();
      stopPageHide();
      unmounting.current = true;
      // Read now: the runtime empties its thread as it unmounts too.
      const running = runningAnswer(thread.getState());
      // StrictMode's rehearsal re-subscribes in the same task: only a real unmount is leaving.
      queueMicrotask(() => unmounting.current && send("user-abandon", running));
    };
  }, [runtime]);
}
