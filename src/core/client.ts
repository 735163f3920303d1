import { enforceUsableConfig } from "./config-problem";
import { createDormantClient } from "./dormant-client";
import type { SignalData } from "./signal";
import { reportSignalFailure, type SignalErrorHandler } from "./report-failure";
import { resolveConfig } from "./resolve-config";
import type { FetchLike } from "./signal-request";

/** Settings of {@link createKeletClient}; the same as `KeletProvider`'s props. */
export interface KeletClientOptions {
  /** The project's publishable key (`pk-kelet-...` or `pk_...`). Secret keys are refused: they belong on your server. */
  apiKey: string;
  /** The Kelet project signals go to. */
  project: string;
  /** The API origin; defaults to `https://api.kelet.ai`. A trailing `/` and `/api` are stripped. */
  baseUrl?: string;
  /** Told about every signal that was invalid or could not be delivered. Defaults to the console. */
  onError?: SignalErrorHandler;
  /** The transport, for tests and proxies: called as `fetch(url, init)`. Defaults to `globalThis.fetch`, looked up at send time. */
  fetch?: FetchLike;
  /** Logs each signal and its outcome to the console. */
  debug?: boolean;
  /** Turns sending off: every signal resolves at once and nothing leaves the page. */
  disabled?: boolean;
  /**
   * Attach the most recent user event (type, target selector, label, time; never what was typed)
   * as `metadata.$dom_event`. Default `true`; `false` also installs no document listeners.
   */
  captureEvents?: boolean;
  /** May signals that cannot leave yet be saved to `localStorage` for the next visit. Default `true`. */
  persist?: boolean;
}

/** A Kelet client for pages without React (plain HTML, Vue, Svelte, Astro). */
export interface KeletClient {
  /**
   * Sends one signal. Resolves once Kelet accepted it; rejects with the reason
   * it was not (an invalid signal rejects at once with an error naming the
   * field, and is never sent). While `disabled`, resolves at once.
   * After `close()` a signal is still validated and delivered, as a provider's is after unmount.
   */
  signal(data: SignalData): Promise<void>;
  /**
   * Stops this client's page work: its document listeners and its hold on the
   * delivery queue. Signals already sent still settle. Idempotent.
   */
  close(): void;
}

/**
 * Creates a client that sends feedback signals to Kelet without React, with
 * `KeletProvider`'s exact behaviour: validation, secret-key refusal, retries,
 * offline waiting, page-hide flush and development diagnostics.
 * Create one per app and `close()` it on teardown.
 *
 * A missing key or project, or a secret key, throws in development; in a
 * production build telemetry turns itself off instead (one `console.error`,
 * every signal resolves without being sent and reaches `onError`).
 *
 * @example
 * const kelet = createKeletClient({ apiKey: "pk-kelet-...", project: "support-bot" });
 * button.onclick = () => kelet.signal({ session_id: sessionId, score: 1, trigger_name: "user-vote" });
 */
export function createKeletClient(options: KeletClientOptions): KeletClient {
  const { onError, fetch } = options ?? ({} as KeletClientOptions);
  // The settings are named as resolveConfig reads them.
  const config = resolveConfig(options ?? {});
  enforceUsableConfig(config);
  const client = createDormantClient({ config, reportFailure: (error, signal) => reportSignalFailure(error, signal, onError), fetch });
  return { signal: client.signal, close: client.open() };
}
