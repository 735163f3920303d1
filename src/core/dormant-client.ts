import { withDeliveryDiagnostics } from "./diagnostics";
import { retainDomEventCapture } from "./dom-event-capture";
import { KeletConfigError } from "./errors";
import { createFeedbackFunction, type FeedbackFunction } from "./feedback-function";
import type { SignalErrorHandler } from "./report-failure";
import type { ResolvedConfig } from "./resolve-config";
import type { FetchLike } from "./signal-request";
import { createSignalSender, type SignalSender } from "./signal-sender";

/** Everything a client is built from, after any inheritance (the provider's business) is applied. */
export interface DormantClientSetup {
  config: ResolvedConfig;
  /** Hears every signal that was invalid or could not be delivered. */
  reportFailure: SignalErrorHandler;
  /** The app's transport; `undefined`: `globalThis.fetch`, looked up at send time. */
  fetch?: FetchLike;
}

/**
 * One client, the single code path behind `createKeletClient` and
 * `KeletProvider`. Building it starts nothing (no listeners, timers or
 * queues), so React may build one during a render it throws away.
 * It keeps its setup, which nested providers inherit.
 */
export interface DormantClient extends DormantClientSetup {
  /** Validates and sends one signal. Works before `open()` and after its release too. */
  readonly signal: FeedbackFunction;
  /**
   * Starts the page work: last-event capture and this client's hold on its
   * delivery queue. Returns the release, which is idempotent; `open()` may be
   * called again after it (React StrictMode does).
   */
  open(): () => void;
}

export function createDormantClient(setup: DormantClientSetup): DormantClient {
  const { config } = setup;
  // A misconfigured or disabled client never delivers: no queue, no listeners.
  const delivers = !config.problem && !config.disabled;

  // Created on first use, not here: a client React builds and throws away leaves nothing behind.
  let sender: SignalSender | undefined;
  const senderNow = (): SignalSender => (sender ??= createSignalSender({ ...config, ...setup, fetch: withDeliveryDiagnostics(setup.fetch) }));

  const signal = createFeedbackFunction({
    ...config,
    ...setup,
    sender: delivers ? { send: (validSignal) => senderNow().send(validSignal) } : null,
    offReason: config.problem ? new KeletConfigError(config.problem) : undefined,
  });

  function open(): () => void {
    if (!delivers) return () => {};
    // Each release is idempotent (a second call does nothing), so this one is too.
    const stopSending = senderNow().start();
    const stopCapture = config.captureEvents ? retainDomEventCapture() : undefined;
    return () => {
      stopSending();
      stopCapture?.();
    };
  }

  return { ...setup, signal, open };
}
