import { createRoot } from "react-dom/client";
import { KeletProvider } from "../../../../src/provider/kelet-provider";
import type { FetchLike } from "../../../../src/core/signal-request";
import { useFeedbackState } from "../../../../src/feedback-state";

declare const SIGNAL_ORIGIN: string;

const AI_DRAFT = "Your refund is approved and will reach your card within 5 business days.";

function Draft() {
  // A long quiet time: only the page being hidden or left can end the sequence during the test.
  const [draft, setDraft] = useFeedbackState<string | null>(null, "page-session", { debounceMs: 600_000 });
  return (
    <>
      <button onClick={() => setDraft(AI_DRAFT, "ai_generation")}>Write with AI</button>
      <textarea aria-label="Draft" value={draft ?? ""} onChange={(event) => setDraft(event.target.value, "manual_refinement")} />
    </>
  );
}

// This page tests when the hook emits, not how the sender delivers: ask the browser to let the request outlive the page.
const keepaliveFetch: FetchLike = (url, init) => fetch(url, { ...init, keepalive: true });

createRoot(document.getElementById("root")!).render(
  <KeletProvider apiKey="pk_page" project="e2e" baseUrl={SIGNAL_ORIGIN} fetch={keepaliveFetch}>
    <Draft />
  </KeletProvider>,
);
