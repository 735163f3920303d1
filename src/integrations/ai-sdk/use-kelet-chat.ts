import { useLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { useRef, useState } from "react";
import { markSignalPlace } from "../../core/diagnostics";
import { useKeletSignal } from "../../provider/use-kelet-signal";
import { answerReplacedBy, chatEventSignal, isAnswering, REGENERATE_TRIGGER, STOP_TRIGGER } from "./chat-signals";
import type { ChatLike, KeletChatOptions } from "./types";
import { useShallowStable } from "./use-shallow-stable";

/**
 * `useChat`'s helpers (from `@ai-sdk/react`), with `regenerate()` and
 * `stop()` also telling Kelet that the user did not like the answer: each
 * sends one signal (`kind: "event"`, `source: "human"`, `score: 0`,
 * `trigger_name` `"user-regenerate"` or `"user-stop"`) on the chat's
 * session, then does what it always did.
 *
 * ```tsx
 * const chat = useKeletChat(useChat());
 * <button onClick={() => chat.regenerate()}>Try again</button>
 * ```
 *
 * - The session is `chat.id` (the AI SDK sends it to your route as the
 *   body's `id`) unless `options.session_id` names another.
 * - A regenerate sends a signal only when it replaces an assistant answer.
 * - A stop sends a signal only while an answer is on its way (status
 *   `"submitted"` or `"streaming"`), once per answer.
 * - `regenerate` and `stop` are the same functions on every render; the
 *   returned object changes only when one of `chat`'s properties does.
 * - A signal that cannot be delivered never breaks the chat: it goes to
 *   the provider's `onError`.
 */
export function useKeletChat<TChat extends ChatLike>(chat: TChat, options: KeletChatOptions = {}): TChat {
  const signal = useKeletSignal();
  // The last committed render's chat and options, written after commit (never during a render React may discard).
  const latest = useRef({ chat, options, signal });
  useLayoutEffect(() => {
    latest.current = { chat, options, signal };
  });
  // One stop signal per answer: a second press before the status changes is the same stop.
  const stopSignalled = useRef(false);
  useLayoutEffect(() => {
    stopSignalled.current = false;
  }, [chat.status]);

  const [wrapped] = useState(() => {
    // Development messages about these signals name the hook.
    const send: typeof signal = (data) => {
      if (process.env.NODE_ENV !== "production") markSignalPlace(data, "useKeletChat");
      return latest.current.signal(data).catch(() => undefined);
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
        const last = current.messages[current.messages.length - 1];
        const answer = current.status === "streaming" && last?.role === "assistant" ? last : undefined;
        void send(chatEventSignal(STOP_TRIGGER, current, currentOptions, answer));
      }
      return current.stop() as ReturnType<TChat["stop"]>;
    };
    return { regenerate, stop };
  });

  return useShallowStable({ ...chat, regenerate: wrapped.regenerate, stop: wrapped.stop });
}
