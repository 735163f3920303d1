import { useContext, useEffect, useMemo, type ReactNode } from "react";
import { enforceUsableConfig } from "../core/config-problem";
import { markSignalPlace } from "../core/diagnostics";
import { createDormantClient } from "../core/dormant-client";
import { reportSignalFailure, type SignalErrorHandler } from "../core/report-failure";
import { resolveConfig } from "../core/resolve-config";
import { callFetch, type FetchLike } from "../core/signal-request";
import { KeletContext, type KeletContextValue } from "./kelet-context";
import { ProviderInternalsContext } from "./provider-internals";
import { useCommittedRef } from "./use-committed-ref";

export interface KeletProviderProps {
  /**
   * The publishable key: `pk-kelet-...` (or `pk_...` in older projects). Omit it in a nested provider to use the parent's.
   * A secret key (`sk-kelet-...`, `sk_...`, or any key that says it is secret) is refused: development throws;
   * production turns telemetry off and never sends it.
   */
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
  /**
   * Attach the most recent user event (type, target selector, label, time; never what was typed)
   * as `metadata.$dom_event`. Defaults to the parent's, else `true`; `false` also installs no document listeners.
   */
  captureEvents?: boolean;
  /** May signals that cannot leave yet be saved to `localStorage` for the next visit. Defaults to the parent's, else `true`. */
  persist?: boolean;
  children?: ReactNode;
}

/**
 * Holds the key and project for the components and hooks below it: a thin
 * React layer over the same client `createKeletClient` returns.
 * Nest providers to route a subtree to another project with the same key.
 */
export function KeletProvider(props: KeletProviderProps) {
  const parentValue = useContext(KeletContext);
  const parent = useContext(ProviderInternalsContext);
  // Key and project from the public context, so a provider under an app's own `KeletContext.Provider` (as in 1.3) inherits them.
  const config = resolveConfig(props, { ...parent?.config, apiKey: parentValue?.api_key, project: parentValue?.project });
  // Loud where the developer can fix it; in production telemetry turns itself off instead.
  enforceUsableConfig(config);

  // Callbacks are read from the last committed props, so inline props never rebuild
  // the client, and a render React throws away never leaks its props into a signal.
  const committed = useCommittedRef({ ...props, parent });
  // Building starts nothing: listeners and the queue's hold start in the effect below.
  const client = useMemo(
    () =>
      createDormantClient({
        config,
        // Own `onError`, else the parent's handler, else the console.
        reportFailure: (error, signal) => reportSignalFailure(error, signal, committed.current.onError || committed.current.parent?.reportFailure),
        // Own `fetch`, else the parent's, else `globalThis.fetch` looked up at send time.
        fetch: (url, init) => callFetch(committed.current.fetch ?? committed.current.parent?.fetch, url, init),
      }),
    // `config` is a new object each render: its values (strings and booleans) are the keys.
    [committed, ...Object.values(config)],
  );
  useEffect(() => client.open(), [client]);

  const value = useMemo<KeletContextValue>(() => {
    // Development messages name where a signal came from: one that reaches the context's function unmarked was sent by hand.
    const feedback: KeletContextValue["feedback"] =
      process.env.NODE_ENV === "production" ? client.signal : (data) => (markSignalPlace(data, "useKeletSignal()"), client.signal(data));
    return { api_key: client.config.apiKey, project: client.config.project, feedback };
  }, [client]);

  return (
    <ProviderInternalsContext.Provider value={client}>
      <KeletContext.Provider value={value}>{props.children}</KeletContext.Provider>
    </ProviderInternalsContext.Provider>
  );
}
