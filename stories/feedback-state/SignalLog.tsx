import type { FeedbackData } from "@kelet-ai/feedback-ui";

/** The signals a story's hook emitted, newest last, as the app's `onFeedback` received them. */
export function SignalLog({ signals }: { signals: FeedbackData[] }) {
  return (
    <section aria-label="Emitted signals" style={{ marginTop: 16, fontFamily: "ui-sans-serif, system-ui, sans-serif", fontSize: 13 }}>
      <h3 style={{ fontSize: 14, margin: "0 0 8px" }}>Signals emitted ({signals.length})</h3>
      {signals.length === 0 ? <p style={{ color: "#666" }}>None yet: edit, then pause.</p> : null}
      <ol style={{ paddingLeft: 20, margin: 0 }}>
        {signals.map((signal, index) => (
          <li key={index} data-testid="signal" style={{ marginBottom: 8 }}>
            <strong>{signal.trigger_name}</strong> · kind {signal.kind} · score {signal.score} · confidence {signal.confidence?.toFixed(3)} · session {signal.session_id}
            <pre style={{ background: "#f6f8fa", padding: 8, margin: "4px 0 0", whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{signal.value}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
