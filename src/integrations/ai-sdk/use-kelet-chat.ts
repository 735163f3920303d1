import { useLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { useEffect, useRef, useState } from "react";
import { markSignalPlace } from "../../core/diagnostics";
import { subscribePageHide } from "../../core/page-lifecycle";
import { useKeletSignal } from "../../provider/use-kelet-signal";
import { ABANDON_TRIGGER, answerOnItsWay, answerReplacedBy, chatEventSignal, isAnswering, REGENERATE_TRIGGER, STOP_TRIGGER } from "./chat-signals";
import type { ChatLike, KeletChatOptions } from "./types";
import { useShallowStable } from "./use-shallow-stable";

/**
 * `useChat`'s helpers (from `@ai-sdk/react`), telling Kelet what the user
 * does with the answers, with Kelet's `source-action` names: each of these
 * sends one signal (`kind: "event"`, `source: "human"`, `score: 0`) on the
 * chat's session.
 *
 * - `regenerate()` that replaces an answer: `"user-retry"`, then regenerates.
 * - `stop()` while an answer is on its way (status `"submitted"` or
 *   `"streaming"`): `"user-stop"`, once per answer, then stops.
 * - Leaving while an answer is on its way: `"user-abandon"`, once per
 *   answer, when the page is left for good (`pagehide`), the component
 *   unmounts, or `chat.id` changes (a new chat). Not after a stop, and not
 *   when no answer is on its way.
 *
 * ```tsx
 * const chat = useKeletChat(useChat());
 * <button onClick={() => chat.regenerate()}>Try again</button>
 * ```
 *
 * - The session is `chat.id` (the AI SDK sends it to your route as the
 *   body's `id`) unless `options.session_id` names another.
 * - `regenerate` and `stop` are the same functions on every render; the
 *   returned object changes only when one of `chat`'s properties does.
 * - A signal that cannot be delivered never breaks the chat: it goes to
 *   the provider's `onError`.
 */
export function useKeletChat<TChat extends ChatLike>(chat: TChat, options: KeletChatOptions = {}): TChat {
  const signal = useKeletSignal();
  // The last committed render's chat and options, written after commit (never during a render React may discard).
  const latest = useRef({ chat, options, signal });
  // One stop and one abandon per answer: a second press before the status changes is the same stop.
  const stopSignalled = useRef(false);
  const abandonSignalled = useRef(false);
  // An unmount that may be StrictMode's rehearsal: it counts only if no mount follows in the same task.
  const unmounting = useRef(false);

  const [wrapped] = useState(() => {
    // Development messages about these signals name the hook.
    const mark = <T extends object>(data: T): T => {
      if (process.env.NODE_ENV !== "production") markSignalPlace(data, "useKeletChat");
      return data;
    };
    const send: typeof signal = (data) => latest.current.signal(mark(data)).catch(() => undefined);
    /** The user leaves the chat as `shown`: while an answer is on its way (and was not stopped), that is abandoning it. */
    const leave = (shown: typeof latest.current) => {
      if (!isAnswering(shown.chat.status) || stopSignalled.current || abandonSignalled.current) return;
      abandonSignalled.current = true;
      void shown.signal(mark(chatEventSignal(ABANDON_TRIGGER, shown.chat, shown.options, answerOnItsWay(shown.chat)))).catch(() => undefined);
    };
    const regenerate = (...args: Parameters<TChat["regenerate"]>): Promise<void> => {
      const { chat: current, options: currentOptions } = latest.current;
      const request = args[0] as { messageId?: string } | undefined;
      const answer = answerReplacedBy(current.messages, request?.messageId);
      if (answer) void send(chatEventSignal(REGENERATE_TRIGGER, current, currentOptions, answer));
      return (current.regenerate as (...forwarded: unknown[]) => Promise<void>)(...args);
    };
    const stop = (): ReturnType<TChat["stop"]> => {
      const { chat: current, options: currentOptions } = latest.current;
      if (isAnswering(current.status) && !stopSignalled.current) {
        stopSignalled.current = true;
        void send(chatEventSignal(STOP_TRIGGER, current, currentOptions, answerOnItsWay(current)));
      }
      return current.stop() as ReturnType<TChat["stop"]>;
    };
    return { regenerate, stop, leave };
  });

  // Every commit: a new chat id is leaving the previous chat as it was shown, before this commit's props replace it.
  useLayoutEffect(() => {
    const previous = latest.current;
    if (previous.chat.id !== chat.id) {
      wrapped.leave(previous);
      stopSignalled.current = false;
      abandonSignalled.current = false;
    }
    latest.current = { chat, options, signal };
  });
  useLayoutEffect(() => {
    stopSignalled.current = false;
    // A new answer may be abandoned again once the last one is over.
    if (!isAnswering(chat.status)) abandonSignalled.current = false;
  }, [chat.status]);

  // Passive, not layout: a Suspense fallback hiding the chat runs layout cleanups but keeps it mounted.
  useEffect(() => {
    unmounting.current = false;
    return () => {
      unmounting.current = true;
      queueMicrotask(() => unmounting.current && wrapped.leave(latest.current));
    };
  }, []);
  // Only `pagehide` is leaving for good: a tab switched away may come back to the answer.
  useEffect(() => subscribePageHide("emit-edits", (reason) => reason === "pagehide" && wrapped.leave(latest.current)), []);

  return useShallowStable({ ...chat, regenerate: wrapped.regenerate, stop: wrapped.stop });
}
