import type { KeletClient } from "../client";
import { createAnswerWatch, type AnswerWatch, type AnswerWatchOptions } from "./answer-watch";
import { markSignalPlace } from "../diagnostics";

function describe(value: unknown): string {
  return value === null ? "null" : typeof value;
}

/**
 * Hears what a user does with one AI answer on a page without React, and
 * tells Kelet with its `source-action` names (`kind: "event"`, `source: "human"`):
 *
 * - `user-copy` (score 1): the user copied text of the answer (shortcut,
 *   context menu, or your button calling `reportCopy()`), with
 *   `metadata.copied_chars` and `metadata.answer_chars`. Once per answer.
 * - `user-retry` (score 0): your "try again" button called `reportRetry()`. Once.
 * - `user-abandon` (score 0): the user left while `streaming` was true (the
 *   page was left, or `stop()` was called). Once. Finished answers are never abandoned.
 *
 * Text typed in a field inside the answer is never read.
 *
 * @example
 * const watch = watchAnswer(kelet, answerElement, { session_id, streaming: () => stream.active });
 * copyButton.onclick = () => { navigator.clipboard.writeText(text); watch.reportCopy(text); };
 */
export function watchAnswer(client: Pick<KeletClient, "signal">, element: Element, options: AnswerWatchOptions): AnswerWatch {
  let problem: string | undefined;
  if (typeof client?.signal !== "function") problem = `client must be a Kelet client from createKeletClient (got ${describe(client)})`;
  else if (typeof element?.ownerDocument !== "object") problem = `element must be a DOM element (got ${describe(element)})`;
  else if (options === null || typeof options !== "object") problem = `options must be an object with session_id (got ${describe(options)})`;
  if (problem) {
    const error = new TypeError(`[kelet] watchAnswer(client, element, options): ${problem}`);
    if (process.env.NODE_ENV !== "production") throw error;
    // Production: the app keeps working, without these signals.
    console.error(error);
    return { reportCopy() {}, reportRetry() {}, stop() {} };
  }
  return createAnswerWatch({ send: (data) => (markSignalPlace(data, "watchAnswer"), client.signal(data)), element: () => element, read: () => options });
}
