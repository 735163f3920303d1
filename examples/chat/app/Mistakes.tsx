import { useState } from "react";
import { KeletProvider, useKeletSignal } from "@kelet-ai/feedback-ui";
import { createSessionId } from "./session";

/** Sends one vote through the nearest provider and shows what became of it. */
function SendVote({ label, sessionId }: { label: string; sessionId: () => string }) {
  const sendSignal = useKeletSignal();
  const [outcome, setOutcome] = useState("");
  return (
    <li>
      <button
        type="button"
        className="secondary-button"
        onClick={() => {
          setOutcome("sending…");
          sendSignal({ session_id: sessionId(), kind: "feedback", score: 1, trigger_name: "user-vote" }).then(
            () => setOutcome("delivered, but see the inbox"),
            (error: unknown) => setOutcome(`refused: ${error instanceof Error ? error.message : String(error)}`),
          );
        }}
      >
        {label}
      </button>{" "}
      <span className="hint" role="status">
        {outcome}
      </span>
    </li>
  );
}

/**
 * Two mistakes a browser cannot see on its own, made on purpose so the inbox
 * shows what they look like: a session id the server never used, and a key
 * that is not the project's publishable key (`pk-kelet-…`; a secret `sk-kelet-…` key would
 * not even render: the provider refuses it).
 */
export function Mistakes() {
  return (
    <section className="card" aria-labelledby="mistakes-title">
      <h2 id="mistakes-title">Try the usual mistakes</h2>
      <p className="hint">Neither breaks the page; both only show up where the signals land.</p>
      <ul className="mistakes">
        {/* A fresh client id the server never ran the agent under: Kelet could not link the vote to a trace. */}
        <SendVote label="Vote with a session id the server never saw" sessionId={createSessionId} />
        {/* A nested provider with a key in neither publishable form (pk-kelet-..., pk_...): the console warns, the API answers 401. */}
        <KeletProvider apiKey="demo_not_a_publishable_key">
          <SendVote label="Vote with a key that is not a pk-kelet- key" sessionId={() => "any-session"} />
        </KeletProvider>
      </ul>
    </section>
  );
}
