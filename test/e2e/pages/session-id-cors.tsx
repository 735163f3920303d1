import { createRoot } from "react-dom/client";
import { readSessionId } from "../../../src/core/session-id";
import { KeletProvider } from "../../../src/provider/kelet-provider";
import { useKeletSignal } from "../../../src/provider/use-kelet-signal";

declare const CHAT_ORIGIN: string;
declare const NO_CORS_ORIGIN: string;

async function readFrom(path: string): Promise<string> {
  const response = await fetch(`${CHAT_ORIGIN}${path}`, { method: "POST", body: "{}" });
  return String(readSessionId(response));
}

function Page() {
  const feedback = useKeletSignal();
  return (
    <>
      <button
        onClick={async (event) => {
          event.currentTarget.textContent = `exposed=${await readFrom("/exposed")} hidden=${await readFrom("/hidden")}`;
        }}
      >
        Read session ids
      </button>
      <button onClick={() => void feedback({ session_id: "s-1", score: 1 }).catch(() => {})}>Send to an API without CORS</button>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <KeletProvider apiKey="pk_page" project="e2e" baseUrl={NO_CORS_ORIGIN} onError={() => {}}>
    <Page />
  </KeletProvider>,
);
