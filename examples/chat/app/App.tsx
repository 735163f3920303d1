import { useCallback, useMemo, useState } from "react";
import { KeletProvider, type FeedbackData } from "@kelet-ai/feedback-ui";
// An app writes "@kelet-ai/feedback-ui/devtools"; the demo bundles the library from source, whose alias maps the root only.
import { KeletDevtools } from "../../../src/devtools";
import { Chat } from "./Chat";
import { Checklist } from "./Checklist";
import type { DemoConfig } from "./config";
import { DraftEditor } from "./DraftEditor";
import { InboxPanel } from "./InboxPanel";
import { Mistakes } from "./Mistakes";
import { createSentLog } from "./sent-log";
import { createSessionId } from "./session";

/** The conversation's session id, and whether the server has answered with it yet. */
export interface ConversationSession {
  id: string;
  /** The server answered with this id in `X-Session-ID`: it ran the agent under it. */
  confirmed: boolean;
  /** The last agent response carried no `X-Session-ID` (a server or CORS problem). */
  missingHeader: boolean;
}

export function App({ config }: { config: DemoConfig }) {
  const [session, setSession] = useState<ConversationSession>(() => ({ id: createSessionId(), confirmed: false, missingHeader: false }));
  const [undelivered, setUndelivered] = useState<string[]>([]);

  /** Adopts the id the server ran the agent under; the server is the source of truth. */
  const onServerSession = useCallback((idFromServer: string | null) => {
    setSession((current) =>
      idFromServer ? { id: idFromServer, confirmed: true, missingHeader: false } : { ...current, missingHeader: true },
    );
  }, []);

  const onError = useCallback((error: Error, signal: FeedbackData) => {
    setUndelivered((list) => [...list.slice(-4), `${signal.kind ?? "feedback"} signal not delivered: ${error.message}`]);
  }, []);

  // Against a real API the inbox panel cannot see the server, so it lists what this page sent instead.
  const sentLog = useMemo(() => (config.mode === "kelet" ? createSentLog() : null), [config.mode]);

  return (
    // One provider at the root, with the publishable key. In the local-inbox mode the "API" is this demo server.
    <KeletProvider
      apiKey={config.apiKey}
      project={config.project}
      baseUrl={config.baseUrl ?? window.location.origin}
      onError={onError}
      fetch={sentLog?.fetch}
    >
      <header className="app-header">
        <div>
          <h1>Kelet feedback demo</h1>
          <p className="subtitle">
            A canned support assistant. Vote on answers, edit the draft, tick the checklist: every signal shows up in the inbox.
          </p>
        </div>
        <div className="session-box">
          <span className="session-label">Session</span>
          <code data-testid="session-id" title={session.id}>
            {session.id}
          </code>
          <span className={session.confirmed ? "session-state confirmed" : "session-state"}>
            {session.missingHeader ? "server sent no X-Session-ID" : session.confirmed ? "confirmed by the server" : "not sent yet"}
          </span>
          <button
            type="button"
            className="secondary-button"
            onClick={() => setSession({ id: createSessionId(), confirmed: false, missingHeader: false })}
          >
            New conversation
          </button>
        </div>
      </header>

      {undelivered.length > 0 ? (
        <div role="alert" className="error-banner">
          {undelivered.map((message, index) => (
            <p key={index}>{message}</p>
          ))}
        </div>
      ) : null}

      <main className="layout">
        <div className="work-column">
          {/* Keyed by session: a new conversation remounts the panels, and a pending edit is sent on unmount. */}
          <Chat key={`chat-${session.id}`} session={session} suggestedQuestions={config.suggestedQuestions} onServerSession={onServerSession} />
          <DraftEditor key={`draft-${session.id}`} session={session} onServerSession={onServerSession} />
          {/* A nested provider that sets only `project`: the checklist's signals go to a second project with the same key. */}
          <KeletProvider project={config.checklistProject}>
            <Checklist key={`checklist-${session.id}`} project={config.checklistProject} session={session} onServerSession={onServerSession} />
          </KeletProvider>
          <Mistakes />
        </div>
        <InboxPanel config={config} sentLog={sentLog} />
      </main>
      {/* The inbox shows what the server got; the devtools panel shows what the page did (nothing in production). */}
      <KeletDevtools />
    </KeletProvider>
  );
}
