import { useState } from "react";
import { useFeedbackState } from "@kelet-ai/feedback-ui";
import type { ConversationSession } from "./App";
import { callAgent } from "./session";

/** Quiet time after the last keystroke before an edit is reported (the library's default is 3000). */
export const DRAFT_DEBOUNCE_MS = 1500;

/**
 * An AI-written reply the agent edits before sending. `useFeedbackState` is a
 * drop-in `useState` that reports each sequence of edits: the AI's text
 * arrives with the `ai_generation` trigger, the person's changes with
 * `manual_refinement`, and each diff is measured from where its sequence began.
 */
export function DraftEditor({ session, onServerSession }: { session: ConversationSession; onServerSession: (id: string | null) => void }) {
  const [draft, setDraft] = useFeedbackState("", session.id, {
    debounceMs: DRAFT_DEBOUNCE_MS,
    metadata: { panel: "reply-draft" },
  });
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState("");

  async function writeWithAi() {
    setLoading(true);
    setProblem("");
    try {
      const { response, sessionId } = await callAgent("/api/draft", {}, session.id);
      onServerSession(sessionId);
      const { text } = (await response.json()) as { text: string };
      setDraft(text, "ai_generation");
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  }

  return (
    <section className="card" aria-labelledby="draft-title">
      <div className="card-heading">
        <h2 id="draft-title">Reply draft</h2>
        <button type="button" className="secondary-button" onClick={() => void writeWithAi()} disabled={loading}>
          {loading ? "Writing…" : draft ? "Rewrite with AI" : "Write with AI"}
        </button>
      </div>
      <p className="hint">
        <code>useFeedbackState</code>: the AI's text is an <code>ai_generation</code> edit; your changes are a <code>manual_refinement</code> edit
        sent {DRAFT_DEBOUNCE_MS / 1000} s after you stop typing, its diff measured from the AI's text.
      </p>
      <label className="visually-hidden" htmlFor="reply-draft">
        Reply draft
      </label>
      <textarea
        id="reply-draft"
        className="draft"
        rows={7}
        value={draft}
        placeholder="Press “Write with AI”, then edit the text."
        onChange={(event) => setDraft(event.target.value, "manual_refinement")}
      />
      {problem ? (
        <p role="alert" className="inline-error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
