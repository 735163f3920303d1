import { readAttemptOutcome, type FetchLike, type ResponseLike, type SignalRequestInit } from "../signal-request";
import type { AttemptResult } from "./outcome-policy";

/**
 * Sends one request, aborted after `timeoutMs`. The result never rejects.
 * `release` (a keepalive request's; called again it does nothing) runs once the browser stops counting the
 * request against the keepalive budget: when its answer's body has been read, or it failed.
 */
export function sendAttempt(transport: FetchLike, url: string, init: SignalRequestInit, timeoutMs: number, release?: () => void): Promise<AttemptResult> {
  // Every browser that runs this ES2020 build has AbortController.
  const controller = new AbortController();
  init.signal = controller.signal;
  return new Promise<AttemptResult>((resolve) => {
    // A transport that ignores the abort still ends the attempt on time.
    const timeout = setTimeout(() => {
      controller.abort();
      release?.();
      resolve("timeout");
    }, timeoutMs);
    let response: ReturnType<FetchLike>;
    try {
      response = transport(url, init);
    } catch (thrown) {
      // A transport that throws at once (or no fetch at all) made no request: the app's configuration, not the network.
      clearTimeout(timeout);
      release?.();
      return resolve(`request not made (${(thrown instanceof Error && thrown.message) || String(thrown)})`);
    }
    // After a time-out the result is ignored (and the release, already called, does nothing).
    Promise.resolve<ResponseLike | undefined | null>(response)
      .then(
        (response) => {
          // The browser counts a keepalive request until the answer's body is read: read it (a body that cannot
          // be read is not worth waiting for), then give the room back.
          Promise.resolve(response)
            .then((answer) => (answer as { text?: () => unknown } | null)?.text?.())
            .then(release, release);
          return readAttemptOutcome(response);
        },
        (thrown: unknown): AttemptResult => {
          release?.();
          return `network error (${(thrown instanceof Error && thrown.message) || "network error"})`;
        },
      )
      .then((result) => {
        clearTimeout(timeout);
        resolve(result);
      });
  });
}
