import { useSyncExternalStore } from "react";
import type { FetchLike, SignalRequestInit } from "@kelet-ai/feedback-ui";

/** One signal a story's provider sent: what would have gone over the wire. */
export interface SentSignal {
  url: string;
  /** The project from the URL path, decoded. */
  project: string;
  headers: SignalRequestInit["headers"];
  body: Record<string, unknown>;
}

/**
 * Where a story's signals go instead of the network: the provider builds and
 * validates each request for real, and this transport records it and answers 200.
 */
export interface StoryInbox {
  readonly signals: readonly SentSignal[];
  fetch: FetchLike;
  clear(): void;
  subscribe(listener: () => void): () => void;
}

function createStoryInbox(): StoryInbox {
  let signals: SentSignal[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    get signals() {
      return signals;
    },
    fetch: async (url, init) => {
      const project = decodeURIComponent(/\/api\/projects\/([^/]+)\/signal$/.exec(url)?.[1] ?? "");
      signals = [...signals, { url, project, headers: init.headers, body: JSON.parse(init.body) as Record<string, unknown> }];
      notify();
      return { ok: true, status: 200, statusText: "OK", headers: null };
    },
    clear: () => {
      signals = [];
      notify();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const inboxes = new Map<string, StoryInbox>();

/** The inbox of one story (by story id): play functions assert on what it received. */
export function inboxFor(context: { id: string }): StoryInbox {
  let inbox = inboxes.get(context.id);
  if (!inbox) {
    inbox = createStoryInbox();
    inboxes.set(context.id, inbox);
  }
  return inbox;
}

function describeSignal(body: Record<string, unknown>): string {
  const parts = [String(body.kind ?? "feedback")];
  if (body.trigger_name !== undefined) parts.push(String(body.trigger_name));
  if (body.score !== undefined) parts.push(`score ${String(body.score)}`);
  if (typeof body.confidence === "number") parts.push(`confidence ${body.confidence.toFixed(2)}`);
  return parts.join(" · ");
}

/** The list of signals a story sent, shown under the story so readers see the payloads. */
export function SentSignalsLog({ inbox }: { inbox: StoryInbox }) {
  const signals = useSyncExternalStore(inbox.subscribe, () => inbox.signals, () => inbox.signals);
  return (
    <section aria-label="Signals sent" className="kelet-story-signals">
      <h2>Signals sent ({signals.length})</h2>
      {signals.length === 0 ? (
        <p>None yet. Interact with the story above.</p>
      ) : (
        <ol>
          {signals.map((signal, index) => (
            <li key={index}>
              <details>
                <summary>
                  <strong>{signal.project}</strong> · {describeSignal(signal.body)} · session {String(signal.body.session_id)}
                </summary>
                <pre>{JSON.stringify(signal.body, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
