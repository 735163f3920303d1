import { readAttemptOutcome, type AttemptOutcome, type FetchLike, type ResponseLike, type SignalRequestInit } from "../signal-request";
import type { KeepaliveBudget } from "./keepalive-budget";

/** What one HTTP attempt came to: an answer, no answer in time, or a connection-level failure. */
export type AttemptResult = { kind: "answer"; outcome: AttemptOutcome } | { kind: "timeout" } | { kind: "network"; error: unknown };

export interface AttemptRequest {
  url: string;
  init: Omit<SignalRequestInit, "keepalive" | "signal">;
  bytes: number;
  transport: FetchLike;
  timeoutMs: number;
  budget: KeepaliveBudget;
  /** Page hide: send nothing unless the request fits the keepalive budget. */
  keepaliveOnly: boolean;
}

/**
 * Sends one request: with `keepalive` when the page's budget has room (so it
 * survives the page), aborted after the time-out. Returns `null` when
 * `keepaliveOnly` and it does not fit; the result promise never rejects.
 */
export function sendAttempt(request: AttemptRequest): { keepalive: boolean; result: Promise<AttemptResult> } | null {
  const { budget, bytes } = request;
  const keepalive = budget.reserve(bytes);
  if (request.keepaliveOnly && !keepalive) return null;
  let released = !keepalive;
  const release = () => {
    if (!released) budget.release(bytes);
    released = true;
  };
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  const init: SignalRequestInit = { ...request.init, headers: { ...request.init.headers } };
  if (keepalive) init.keepalive = true;
  if (controller) init.signal = controller.signal;

  const result = new Promise<AttemptResult>((resolve) => {
    // A transport that ignores the abort still ends the attempt on time.
    const timeout = setTimeout(() => {
      controller?.abort();
      release();
      resolve({ kind: "timeout" });
    }, request.timeoutMs);
    let sent: Promise<ResponseLike | undefined | null>;
    try {
      sent = Promise.resolve(request.transport(request.url, init));
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (response) => {
        clearTimeout(timeout);
        // The browser counts a keepalive request against its budget until the answer's body is read: read it, then give the room back.
        let reading: Promise<unknown> = Promise.resolve();
        try {
          const readBody = (response as { text?: () => Promise<unknown> } | null)?.text;
          if (typeof readBody === "function") reading = Promise.resolve(readBody.call(response));
        } catch {
          // A body that cannot be read is not worth waiting for.
        }
        reading.then(release, release);
        resolve({ kind: "answer", outcome: readAttemptOutcome(response) });
      },
      (error: unknown) => {
        clearTimeout(timeout);
        release();
        resolve({ kind: "network", error });
      },
    );
  });
  return { keepalive, result };
}
