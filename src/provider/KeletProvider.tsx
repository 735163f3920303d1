import { useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import { logOnce } from "../core/console-once";
import { withDeliveryDiagnostics } from "../core/diagnostics";
import { retainDomEventCapture } from "../core/dom-event-capture";
import { isProduction } from "../core/environment";
import { createFeedbackFunction } from "../core/feedback-function";
import { reportSignalFailure, type SignalErrorHandler } from "../core/report-failure";
import { resolveConfig } from "../core/resolve-config";
import { callFetch, type FetchLike } from "../core/signal-request";
import { createSignalSender } from "../core/signal-sender";
import { KeletContext, type KeletContextValue } from "./KeletContext";

export interface KeletProviderProps {
  /** The publishable key (`pk_...`). Omit it in a nested provider to use the parent's. Secret `sk_` keys are refused. */
  apiKey?: string;
  /** The Kelet project this subtree's signals go to. Omit it to use the parent's. */
  project?: string;
  /** The API origin; defaults to `https://api.kelet.ai` (or the parent's). A trailing `/` and `/api` are stripped. */
  baseUrl?: string;
  /** Told about every signal that was invalid or could not be delivered. Defaults to the parent's, else the console. */
  onError?: SignalErrorHandler;
  /** Turns sending off: every signal resolves at once and nothing leaves the page. */
  disabled?: boolean;
  /** Logs each signal and its outcome to the console. */
  debug?: boolean;
  /** The transport, for tests and proxies: called as `fetch(url, init)`. Defaults to the parent's, else `globalThis.fetch` at send time. */
  fetch?: FetchLike;
  children?: ReactNode;
}

/**
 * Holds the key and project for the components and hooks below it.
 * Nest providers to route a subtree to another project with the same key.
 */
export function KeletProvider({ apiKey, project, baseUrl, onError, disabled, debug, fetch, children }: KeletProviderProps) {
  const parent = useContext(KeletContext);
  const config = resolveConfig(
    { apiKey, project, baseUrl, disabled, debug },
    parent ? { apiKey: parent.api_key, project: parent.project, baseUrl: parent.baseUrl, disabled: parent.disabled, debug: parent.debug } : undefined,
  );
  // A new error object each render: memos key on its message, so a misconfigured
  // provider (production) still gives its consumers a stable value.
  const { problem } = config;
  const problemMessage = problem?.message;
  if (problem && !config.disabled) {
    // Loud where the developer can fix it; in production telemetry turns itself off instead.
    if (!isProduction()) throw new Error(problem.message);
    logOnce("error", `kelet:config:${problem.message}`, `[kelet] Feedback telemetry is off: ${problem.message}`);
  }

  // Callbacks live in refs so inline props never rebuild the context value.
  const latest = useRef({ onError, fetch, parent });
  latest.current = { onError, fetch, parent };
  // Own `fetch`, else the parent's, else `globalThis.fetch` looked up at send time.
  // In development, a 401/403/404 answer or a CORS failure is explained on the console.
  const transport = useMemo<FetchLike>(
    () =>
      withDeliveryDiagnostics((url, init) => callFetch(latest.current.fetch ?? latest.current.parent?.fetch, url, init)),
    [],
  );

  // Stable: reads the latest onError and parent, so inline props never rebuild the sender.
  const reportFailure = useMemo<SignalErrorHandler>(
    () => (error, signal) => {
      const { onError: ownHandler, parent: parentValue } = latest.current;
      if (ownHandler) reportSignalFailure(ownHandler, error, signal);
      else if (parentValue?.reportFailure) parentValue.reportFailure(error, signal);
      else reportSignalFailure(undefined, error, signal);
    },
    [],
  );

  const sender = useMemo(
    () =>
      problem
        ? null
        : createSignalSender({
            apiKey: config.apiKey,
            project: config.project,
            baseUrl: config.baseUrl,
            fetch: transport,
            reportFailure,
            debug: config.debug,
          }),
    [problemMessage, config.apiKey, config.project, config.baseUrl, transport, reportFailure, config.debug],
  );
  useEffect(() => sender?.start(), [sender]);
  useEffect(() => retainDomEventCapture(), []);

  const value = useMemo<KeletContextValue>(() => {
    return {
      api_key: config.apiKey,
      project: config.project,
      baseUrl: config.baseUrl,
      disabled: config.disabled,
      debug: config.debug,
      feedback: createFeedbackFunction({ sender, offReason: problem, disabled: config.disabled, debug: config.debug, reportFailure }),
      reportFailure,
      fetch: transport,
    };
  }, [transport, reportFailure, sender, problemMessage, config.apiKey, config.project, config.baseUrl, config.disabled, config.debug]);

  return <KeletContext.Provider value={value}>{children}</KeletContext.Provider>;
}
