import { createElement, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";
import type { SignalEvent, SignalEventStatus } from "../core/delivery/signal-events";
import { asCurl, asJson } from "./copy-as";
import { hintFor } from "./hints";
import { signalLog, type LoggedSignal } from "./signal-log";
import { PANEL_CSS } from "./styles";

export type KeletDevtoolsPosition = "bottom-right" | "bottom-left" | "top-right" | "top-left";

export interface KeletDevtoolsProps {
  /** Open the panel on first render (default: closed, only the toggle shows). */
  initialIsOpen?: boolean;
  /** The corner of the toggle button (default "bottom-right"); the panel spans the page's width at that edge. */
  position?: KeletDevtoolsPosition;
}

const STATUSES: SignalEventStatus[] = ["queued", "sending", "retrying", "delivered", "rejected", "saved", "handed-over"];

const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour12: false });
const preview = (value: unknown, max = 40) => {
  const text = value == null ? "" : typeof value == "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/**
 * A host element whose shadow root holds the panel: the app's CSS and the panel's never meet. A custom element
 * tag, so no app rule on `div` (`div:empty { display: none }`) reaches it; `:host` rules marked important win the rest.
 */
function ShadowHost({ children }: { children: ReactNode }) {
  const hostRef = useRef<HTMLElement>(null);
  const [shadow, setShadow] = useState<ShadowRoot | null>(null);
  useLayoutEffect(() => {
    const host = hostRef.current!;
    setShadow(host.shadowRoot ?? host.attachShadow({ mode: "open" }));
  }, []);
  return createElement(
    "kelet-devtools",
    { ref: hostRef, "data-kelet-devtools": "" },
    shadow &&
      createPortal(
        <>
          <style>{PANEL_CSS}</style>
          {children}
        </>,
        shadow,
      ),
  );
}

/** What one event says, in a line of the timeline. */
function describe(event: SignalEvent): string {
  const parts: string[] = [event.status];
  if (event.attempt) parts.push(`attempt ${event.attempt}`);
  if (event.httpStatus) parts.push(`HTTP ${event.httpStatus}`);
  if (event.error) parts.push(event.error);
  if (event.retryInMs != null) parts.push(`next try in ${Math.round(event.retryInMs)} ms`);
  return parts.join(" · ");
}

function Detail({ row }: { row: LoggedSignal }) {
  const [copied, setCopied] = useState("");
  const hint = hintFor(row);
  const answered = [...row.events].reverse().find((e) => e.status == "delivered" || e.httpStatus || (e.status == "rejected" && e.error));
  const copy = (label: string, text: string) => {
    const done = () => setCopied(`${label} copied`);
    // Without clipboard access, the text is shown for the developer to select.
    navigator.clipboard?.writeText(text).then(done, () => setCopied(text)) ?? setCopied(text);
  };
  return (
    <section className="detail" aria-label="Signal details">
      {hint && (
        <p className="hint" role="note">
          {hint}
        </p>
      )}
      <h3>Timeline</h3>
      <ol>
        {row.events.map((event, n) => (
          <li key={n}>
            <time dateTime={new Date(event.at).toISOString()}>{time(event.at)}</time> {describe(event)}
          </li>
        ))}
      </ol>
      <h3>Server's answer</h3>
      <p>{answered ? (answered.status == "delivered" ? "2xx: accepted" : answered.httpStatus ? `HTTP ${answered.httpStatus}: ${answered.error ?? ""}` : answered.error) : "none yet"}</p>
      <h3>Body as sent</h3>
      <pre aria-label="Body as sent">{JSON.stringify(row.signal, null, 2)}</pre>
      <div className="actions">
        <button type="button" onClick={() => copy("JSON", asJson(row))}>
          Copy as JSON
        </button>
        <button type="button" onClick={() => copy("curl command", asCurl(row))}>
          Copy as curl
        </button>
      </div>
      <div role="status">{copied && (copied.length < 30 ? copied : <pre>{copied}</pre>)}</div>
    </section>
  );
}

/** The development panel (see `KeletDevtools`). */
export function KeletDevtoolsPanel({ initialIsOpen = false, position = "bottom-right" }: KeletDevtoolsProps) {
  const rows = useSyncExternalStore(signalLog.subscribe, signalLog.getSnapshot, signalLog.getSnapshot);
  const [open, setOpen] = useState(initialIsOpen);
  const [selectedId, setSelectedId] = useState<string>();
  const [project, setProject] = useState("");
  const [session, setSession] = useState("");
  const [status, setStatus] = useState("");
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const projects = useMemo(() => [...new Set(rows.map((r) => r.project))].sort(), [rows]);
  const shown = rows.filter(
    (r) => (!project || r.project == project) && (!status || r.status == status) && (!session || String(r.signal.session_id ?? r.signal.trace_id ?? "").includes(session)),
  );
  const selected = rows.find((r) => r.id == selectedId);
  const panelRef = useRef<HTMLElement>(null);
  // Focus follows the panel: into it when it opens, back to the toggle when it closes (not on first render).
  const moveFocus = useRef(false);
  useEffect(() => {
    if (moveFocus.current) (open ? panelRef : toggleRef).current?.focus();
    moveFocus.current = true;
  }, [open]);
  const close = () => setOpen(false);
  useEffect(() => {
    if (selectedId && !selected) setSelectedId(undefined);
  }, [selectedId, selected]);

  return (
    <ShadowHost>
      <div className="kd">
        {open ? (
          <section
            id={panelId}
            ref={panelRef}
            tabIndex={-1}
            className={`panel ${position.startsWith("top") ? "top-left" : "bottom-left"}`}
            aria-label="Kelet devtools"
            onKeyDown={(event) => {
              if (event.key == "Escape") close();
            }}
          >
            <header>
              <h2>Kelet signals</h2>
              <label>
                Project
                <select value={project} onChange={(e) => setProject(e.target.value)}>
                  <option value="">all</option>
                  {projects.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </label>
              <label>
                Session
                <input type="search" value={session} onChange={(e) => setSession(e.target.value)} placeholder="session or trace id" />
              </label>
              <label>
                Status
                <select value={status} onChange={(e) => setStatus(e.target.value)}>
                  <option value="">all</option>
                  {STATUSES.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </label>
              <span className="spacer" />
              <button type="button" onClick={signalLog.clear}>
                Clear
              </button>
              <button type="button" onClick={close} aria-label="Close Kelet devtools">
                Close
              </button>
            </header>
            <div className="body">
              <div className="list">
                {shown.length ? (
                  <table aria-label="Signals, newest first">
                    <thead>
                      <tr>
                        <th scope="col">Time</th>
                        <th scope="col">Status</th>
                        <th scope="col">Project</th>
                        <th scope="col">Kind / source / trigger</th>
                        <th scope="col">Session or trace</th>
                        <th scope="col">Score</th>
                        <th scope="col">Value</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((row) => {
                        const { signal } = row;
                        return (
                          <tr key={row.id} aria-selected={row.id == selectedId} data-status={row.status}>
                            <td>
                              <button type="button" aria-pressed={row.id == selectedId} onClick={() => setSelectedId(row.id == selectedId ? undefined : row.id)}>
                                {time(row.firstAt)}
                              </button>
                            </td>
                            <td className={`status ${row.status}`}>{row.status}</td>
                            <td>{row.project}</td>
                            <td>{[signal.kind ?? "feedback", signal.source ?? "human", signal.trigger_name].filter(Boolean).join(" / ")}</td>
                            <td>{preview(signal.session_id ?? (signal.trace_id ? `trace ${signal.trace_id}` : ""), 24)}</td>
                            <td>{signal.score ?? ""}</td>
                            <td>{preview(signal.value)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                ) : (
                  <p className="empty">{rows.length ? "No signal matches the filters." : "No signal yet: the ones this page sends from now on show here."}</p>
                )}
              </div>
              {selected && <Detail row={selected} />}
            </div>
          </section>
        ) : (
          <button ref={toggleRef} type="button" className={`toggle ${position}`} aria-expanded={false} onClick={() => setOpen(true)}>
            {/* The visible text is the whole name (axe: label-content-name-mismatch). */}
            Kelet devtools{rows.length ? ` (${rows.length})` : ""}
          </button>
        )}
      </div>
    </ShadowHost>
  );
}
