import { ABANDON_TRIGGER, RETRY_TRIGGER } from "../../core/answer/answer-signal";
import type { FeedbackData } from "../../core/signal";
import type { ChatLike, ChatMessageLike, KeletChatOptions } from "./types";

/** The trigger of the signal a regenerate sends: Kelet's name for asking an answer again. */
export const REGENERATE_TRIGGER = RETRY_TRIGGER;
/** The trigger of the signal a stop sends. */
export const STOP_TRIGGER = "user-stop";
/** The trigger of the signal sent when the user leaves while an answer is on its way. */
export { ABANDON_TRIGGER };

/** Statuses in which an answer is on its way, so a stop interrupts it. */
const ANSWERING_STATUSES: ReadonlySet<string> = new Set(["submitted", "streaming"]);

/** True while an answer is requested or streaming: only then is a stop the user cutting an answer short. */
export function isAnswering(status: string): boolean {
  return ANSWERING_STATUSES.has(status);
}

/**
 * The assistant answer a `regenerate({ messageId })` replaces: the message
 * itself when it is an answer, else the answer right after it (the AI SDK
 * regenerates from a user message by asking again); without `messageId`,
 * the last message. `undefined` when no answer is replaced (a retry after
 * an error that left no answer): then there is nothing the user judged.
 */
export function answerReplacedBy(messages: readonly ChatMessageLike[], messageId: string | undefined): ChatMessageLike | undefined {
  const index = messageId === undefined ? messages.length - 1 : messages.findIndex((message) => message.id === messageId);
  const target = messages[index];
  if (target?.role === "assistant") return target;
  const next = messages[index + 1];
  return target && next?.role === "assistant" ? next : undefined;
}

/** The answer arriving now: the last message while the status is `"streaming"` and it is an assistant's. */
export function answerOnItsWay(chat: Pick<ChatLike, "status" | "messages">): ChatMessageLike | undefined {
  const last = chat.messages[chat.messages.length - 1];
  return chat.status === "streaming" && last?.role === "assistant" ? last : undefined;
}

/** The coded signal for a regenerate, a stop or leaving mid-answer: an event from the user, saying the answer was not what they needed. */
export function chatEventSignal(
  trigger_name: typeof REGENERATE_TRIGGER | typeof STOP_TRIGGER | typeof ABANDON_TRIGGER,
  chat: Pick<ChatLike, "id">,
  options: KeletChatOptions,
  answer: ChatMessageLike | undefined,
): FeedbackData {
  return {
    session_id: options.session_id ?? chat.id,
    kind: "event",
    source: "human",
    trigger_name,
    score: 0,
    metadata: { ...(answer ? { message_id: answer.id } : {}), ...options.metadata },
  };
}
