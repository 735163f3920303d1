import { useEffect, useState, useSyncExternalStore } from "react";
import type { DemoConfig } from "./config";
import type { SentEntry, SentLog } from "./sent-log";

/** One request the local inbox received (see examples/chat/inbox.mjs). */
interface InboxRecord {
  id: number;
  receivedAt: string;
  project: string;
  status: number;
  reason?: string;
  body: Record<string, unknown> | null;
  knownSession: boolean;
}

/** The inbox's records, live: loads what is there, then follows the server's event stream. */
function useInboxRecords(enabled: boolean) {
  const [records, setRecords] = useState<InboxRecord[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const merge = (incoming: InboxRecord[]) =>
      setRecords((current) => {
        const byId = new Map(current.map((record) => [record.id, record]));
        for (const record of incoming) byId.set(record.id, record);
        return [...byId.values()].sort((a, b) => a.id - b.id);
      });
    const events = new EventSource("/api/inbox/events");
    events.onmessage = (event) => merge([JSON.parse(event.data as string) as InboxRecord]);
    fetch("/api/inbox")
      .then((response) => response.json() as Promise<{ signals: InboxRecord[] }>)
      .then(({ signals }) => {
        if (!cancelled) merge(signals);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      events.close();
    };
  }, [enabled]);
  return [records, setRecords] as const;
}

function Summary({ body }: { body: Record<string, unknown> }) {
  const pieces: string[] = [];
  if (body.trigger_name !== undefined) pieces.push(String(body.trigger_name));
  if (typeof body.score === "number") pieces.push(`score ${body.score}`);
  if (typeof body.confidence === "number") pieces.push(`confidence ${body.confidence.toFixed(2)}`);
  return (
    <>
      <span className="signal-kind">{String(body.kind ?? "feedback")}</span> {pieces.join(" · ")}
    </>
  );
}

function SignalValue({ value }: { value: unknown }) {
  if (typeof value !== "string" || value === "") return null;
  return <pre className="signal-value">{value.length > 400 ? `${value.slice(0, 400)}…` : value}</pre>;
}

const NO_ENTRIES: SentEntry[] = [];
const noSubscription = () => () => {};

/** What a signal is linked by: its session, or its trace when it carries no session_id (Kelet accepts either). */
function identity(body: Record<string, unknown>): string {
  if (body.session_id === undefined && typeof body.trace_id === "string") return `trace ${body.trace_id} (no session_id)`;
  return `session ${String(body.session_id)}`;
}

export function InboxPanel({ config, sentLog }: { config: DemoConfig; sentLog: SentLog | null }) {
  const [records, setRecords] = useInboxRecords(config.mode === "inbox");
  const sent = useSyncExternalStore(sentLog?.subscribe ?? noSubscription, sentLog?.entries ?? (() => NO_ENTRIES));

  if (config.mode === "kelet") {
    return (
      <aside className="card inbox" aria-labelledby="inbox-title">
        <h2 id="inbox-title">Signals sent to Kelet</h2>
        <p className="hint">
          Signals go to <code>{config.baseUrl}</code>. This list shows what this page sent and how the API answered.
        </p>
        <ol className="signal-list">
          {[...sent].reverse().map((entry) => (
            <li key={entry.id} className={typeof entry.status === "number" && entry.status < 300 ? "signal ok" : "signal refused"}>
              <div className="signal-head">
                <span className="status">{entry.status}</span> <strong>{entry.project}</strong> <Summary body={entry.body} />
              </div>
              <div className="signal-session">{identity(entry.body)}</div>
              <SignalValue value={entry.body.value} />
            </li>
          ))}
        </ol>
      </aside>
    );
  }

  return (
    <aside className="card inbox" aria-labelledby="inbox-title">
      <div className="card-heading">
        <h2 id="inbox-title">
          Signal inbox <span className="count">{records.length}</span>
        </h2>
        <button
          type="button"
          className="secondary-button"
          onClick={() => {
            void fetch("/api/inbox", { method: "DELETE" }).then(() => setRecords([]));
          }}
        >
          Clear
        </button>
      </div>
      <p className="hint">
        This server's <code>POST /api/projects/:project/signal</code>, checked like the real API. Newest first.
      </p>
      {records.length === 0 ? <p className="empty">No signals yet. Vote on an answer.</p> : null}
      <ol className="signal-list" aria-live="polite">
        {[...records].reverse().map((record) => (
          <li key={record.id} className={record.status === 200 ? "signal ok" : "signal refused"} data-testid="inbox-signal">
            <div className="signal-head">
              <span className="status">{record.status}</span> <strong>{record.project}</strong>{" "}
              {record.body && record.status === 200 ? <Summary body={record.body} /> : <span>{record.reason}</span>}
            </div>
            {record.body ? (
              <div className={record.knownSession ? "signal-session" : "signal-session unknown"}>
                {identity(record.body)}
                {record.knownSession ? null : " — no chat session has this id, so Kelet could not link it to a trace"}
              </div>
            ) : null}
            <SignalValue value={record.body?.value} />
          </li>
        ))}
      </ol>
    </aside>
  );
}
