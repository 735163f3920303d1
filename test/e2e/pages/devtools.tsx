import { createRoot } from "react-dom/client";
import { KeletDevtools } from "../../../src/devtools";
import { KeletProvider } from "../../../src/provider/kelet-provider";
import { useKeletSignal } from "../../../src/provider/use-kelet-signal";

declare const SIGNAL_ORIGIN: string;

function Votes() {
  const feedback = useKeletSignal();
  return (
    <main>
      <button onClick={() => void feedback({ session_id: "chat-ok", score: 1, trigger_name: "user-vote" })}>Send good</button>
      <button onClick={() => void feedback({ session_id: "chat-refused", score: 0, trigger_name: "user-vote", value: "Wrong answer" }).catch(() => {})}>
        Send refused
      </button>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <KeletProvider apiKey="pk-kelet-devtools" project="support-bot" baseUrl={SIGNAL_ORIGIN} onError={() => {}}>
    <Votes />
    <KeletDevtools initialIsOpen />
  </KeletProvider>,
);
