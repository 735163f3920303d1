import { withDeliveryDiagnostics } from "./diagnostics";
import { retainDomEventCapture } from "./dom-event-capture";
import { createFeedbackFunction, type FeedbackFunction } from "./feedback-function";
import type { SignalErrorHandler } from "./report-failure";
import type { ResolvedConfig } from "./resolve-config";
import { callFetch, type FetchLike } from "./signal-request";
import { createSignalSender, type SignalSender } from "./signal-sender";

/** Everything a client is built from, after any inheritance (the provider's business) is applied. */
export interface DormantClientSetup {
  config: ResolvedConfig;
  /** Hears every signal that was invalid or could not be delivered. */
  reportFailure: SignalErrorHandler;
  /** The app's transport; `undefined`: `globalThis.fetch`, looked up at send time. */
  fetch?: FetchLike;
  /** Attach the last user event as `metadata.$dom_event`, and listen for it while open. */
  captureEvents: boolean;
  /** Passed to delivery: may unsent signals be saved to storage for the next visit. */
  persist: boolean;
}

/**
 * One client, the single code path behind `createKeletClient` and
 * `KeletProvider`. Building it starts nothing (no listeners, timers or
 * queues), so React may build one during a render it throws away.
 */
export interface DormantClient {
  readonly config: ResolvedConfig;
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
  const { config, reportFailure, captureEvents, persist } = setup;
  const appFetch = setup.fetch;
  // A misconfigured or disabled client never delivers: no queue, no listeners.
  const delivers = !config.problem && !config.disabled;

  // Created on first use, not here: a client React builds and throws away leaves nothing behind.
  let sender: SignalSender | undefined;
  const senderNow = (): SignalSender =>
    (sender ??= createSignalSender({
      ...config,
      fetch: withDeliveryDiagnostics((url, init) => callFetch(appFetch, url, init)),
      reportFailure,
      persist,
    }));

  const signal = createFeedbackFunction({
    sender: delivers ? { send: (validSignal) => senderNow().send(validSignal) } : null,
    offReason: config.problem,
    disabled: config.disabled,
    debug: config.debug,
    captureEvents,
    reportFailure,
  });

  function open(): () => void {
    if (!delivers) return () => {};
    const releases = [senderNow().start()];
    if (captureEvents) releases.push(retainDomEventCapture());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const release of releases) release();
    };
  }

  return { config, signal, open };
}
