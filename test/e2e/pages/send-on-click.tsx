import { createRoot } from "react-dom/client";
import { KeletProvider } from "../../../src/provider/kelet-provider";
import { useKeletSignal } from "../../../src/provider/use-kelet-signal";

declare const SIGNAL_ORIGIN: string;

function SendButton() {
  const feedback = useKeletSignal();
  return (
    <button onClick={() => void feedback({ session_id: "page-session", score: 1, trigger_name: "user-vote" })}>Helpful</button>
  );
}

createRoot(document.getElementById("root")!).render(
  <KeletProvider apiKey="pk_page" project="e2e" baseUrl={SIGNAL_ORIGIN}>
    <SendButton />
  </KeletProvider>,
);
