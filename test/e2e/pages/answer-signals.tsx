import { useState } from "react";
import { createRoot } from "react-dom/client";
import { useAnswerSignals } from "../../../src/answer-signals";
import { KeletProvider } from "../../../src/provider/kelet-provider";

declare const SIGNAL_ORIGIN: string;

/** One answer that streams until "Finish" is pressed, with a field of the user's own inside it. */
function Answer() {
  const [streaming, setStreaming] = useState(true);
  const { ref } = useAnswerSignals({ session_id: "e2e-answer", streaming, metadata: { page: "answer-signals" } });
  return (
    <>
      <article ref={ref} aria-label="Answer">
        <p id="answer-text">Paris is the capital of France.</p>
        <textarea aria-label="Your note" defaultValue="" />
      </article>
      <p id="outside">Text elsewhere on the page.</p>
      <button onClick={() => setStreaming(false)}>Finish</button>
      <output>{streaming ? "streaming" : "done"}</output>
    </>
  );
}

// The library's own sender: at page hide it sends with keepalive (or saves what cannot leave).
createRoot(document.getElementById("root")!).render(
  <KeletProvider apiKey="pk_page" project="e2e" baseUrl={SIGNAL_ORIGIN}>
    <Answer />
  </KeletProvider>,
);
