import { useEffect } from "react";
import { createRoot } from "react-dom/client";
import type { FeedbackFunction } from "../../../src/core/feedback-function";
import { subscribePageHide } from "../../../src/core/page-lifecycle";
import type { FeedbackData } from "../../../src/core/signal";
import { KeletProvider } from "../../../src/provider/kelet-provider";
import { useKeletSignal } from "../../../src/provider/use-kelet-signal";

declare const SIGNAL_ORIGIN: string;

/** What the test reads back from the page. */
interface PageProbe {
  feedback?: FeedbackFunction;
  /** An edit the page's "edit hook" still holds; emitted at page hide like useFeedbackState does. */
  pendingEdit: FeedbackData | null;
  settled: Array<{ session_id: string; error?: string }>;
  pageshows: boolean[];
  /** How often the page heard `offline` (the library hears it in the same dispatch). */
  offlineEvents: number;
  keepalive: { requests: number; withAuthorization: number; bytesInFlight: number; maxBytesInFlight: number; refused: number };
}

declare global {
  interface Window {
    kelet: PageProbe;
  }
}

const params = new URLSearchParams(location.search);
const probe: PageProbe = {
  pendingEdit: null,
  settled: [],
  pageshows: [],
  offlineEvents: 0,
  keepalive: { requests: 0, withAuthorization: 0, bytesInFlight: 0, maxBytesInFlight: 0, refused: 0 },
};
window.kelet = probe;
addEventListener("pageshow", (event) => probe.pageshows.push(event.persisted));
addEventListener("offline", () => (probe.offlineEvents += 1));

if (params.has("nolocks")) Object.defineProperty(navigator, "locks", { value: undefined, configurable: true });

// Watches every keepalive request the library makes: how many bytes are in flight at once, and whether it carries the key.
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const result = realFetch(input, init);
  if (init?.keepalive) {
    const bytes = new Blob([init.body as string]).size;
    const stats = probe.keepalive;
    stats.requests += 1;
    if ((init.headers as Record<string, string>)?.Authorization?.startsWith("Bearer ")) stats.withAuthorization += 1;
    stats.bytesInFlight += bytes;
    stats.maxBytesInFlight = Math.max(stats.maxBytesInFlight, stats.bytesInFlight);
    // Chromium counts the request until its answer's body is read, so this does too.
    return result.then(
      (response) => {
        const readText = response.text.bind(response);
        response.text = () => readText().finally(() => (stats.bytesInFlight -= bytes));
        return response;
      },
      (error: unknown) => {
        stats.bytesInFlight -= bytes;
        stats.refused += 1;
        throw error;
      },
    );
  }
  return result;
};

function Probe() {
  const feedback = useKeletSignal();
  useEffect(() => {
    probe.feedback = (data) => {
      const sent = feedback(data);
      sent.then(
        () => probe.settled.push({ session_id: data.session_id ?? "" }),
        (error: Error) => probe.settled.push({ session_id: data.session_id ?? "", error: error.message }),
      );
      return sent;
    };
    // Exactly how the edit hooks hand over a pending edit when the page goes away.
    return subscribePageHide("emit-edits", () => {
      const edit = probe.pendingEdit;
      probe.pendingEdit = null;
      if (edit) void feedback(edit).catch(() => {});
    });
  }, [feedback]);
  return <p>ready</p>;
}

if (location.pathname !== "/blank") {
  createRoot(document.getElementById("root")!).render(
    <KeletProvider apiKey="pk_e2e" project="delivery" baseUrl={SIGNAL_ORIGIN}>
      <Probe />
    </KeletProvider>,
  );
}
