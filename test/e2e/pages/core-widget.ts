// A page with no React at all: a plain-HTML thumbs widget on @kelet-ai/feedback-ui/core.
import { createKeletClient } from "../../../src/core/index";

declare const SIGNAL_ORIGIN: string;

declare global {
  interface Window {
    keletCore: { settled: Array<{ session_id: string; error?: string }> };
  }
}

const settled: Window["keletCore"]["settled"] = [];
window.keletCore = { settled };

const kelet = createKeletClient({ apiKey: "pk_core_page", project: "core-page", baseUrl: SIGNAL_ORIGIN });
const sessionId = new URLSearchParams(location.search).get("session") ?? "core-session";

const root = document.getElementById("root")!;
root.innerHTML = `<p>Was this answer helpful?</p><button data-score="1">Helpful</button><button data-score="0">Not helpful</button>`;
root.addEventListener("click", (event) => {
  const score = (event.target as HTMLElement).closest("button")?.dataset.score;
  if (score === undefined) return;
  kelet.signal({ session_id: sessionId, score: Number(score), trigger_name: "user-vote" }).then(
    () => settled.push({ session_id: sessionId }),
    (error: Error) => settled.push({ session_id: sessionId, error: error.message }),
  );
});
