import { act, fireEvent, render, screen } from "@testing-library/react";
import { useEffect, useState } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useFeedbackState, useKeletSignal } from "../../src";
import { startSignalServer, type SignalServer } from "../support/signal-server";

// Issue 22.6: a signal carries the user event during whose handling it was made; one made outside any carries none.
let server: SignalServer;
beforeEach(async () => {
  server = await startSignalServer();
});
afterEach(async () => {
  await server.close();
});

const bodies = () => server.requests.map((request) => JSON.parse(request.body) as { trigger_name?: string; metadata?: { $dom_event?: Record<string, unknown> } });
const domEventOf = (trigger: string) => bodies().find((body) => body.trigger_name === trigger)?.metadata?.$dom_event;
const tick = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

function Draft({ aiText }: { aiText: string }) {
  const [draft, setDraft] = useFeedbackState<string | null>(null, "s-1", { debounceMs: 200 });
  useEffect(() => setDraft(aiText, "ai_generation"), [aiText, setDraft]);
  return <textarea aria-label="Draft" value={draft ?? ""} onChange={(event) => setDraft(event.target.value, "manual_refinement")} />;
}

function App() {
  const [aiText, setAiText] = useState("The answer is 42.");
  const send = useKeletSignal();
  return (
    <>
      <Draft aiText={aiText} />
      <button onClick={() => void 0}>Unrelated</button>
      <button onClick={() => setTimeout(() => setAiText("The answer is 43."), 5)}>Regenerate later</button>
      <button onClick={() => void send({ session_id: "s-1", kind: "event", trigger_name: "copy" })}>Copy</button>
      <button onClick={() => setTimeout(() => void send({ session_id: "s-1", kind: "event", trigger_name: "timer" }), 5)}>Copy later</button>
    </>
  );
}

function renderApp() {
  return render(
    <KeletProvider apiKey="pk_1" project="p" baseUrl={server.origin}>
      <App />
    </KeletProvider>,
  );
}

describe("$dom_event is the user event a signal was made during", () => {
  it("sends a copy made in a click handler with that click, even after I press a key before it is delivered", async () => {
    renderApp();
    fireEvent.click(screen.getByText("Copy"));
    fireEvent.keyDown(document.body, { key: "Escape" });
    await server.waitForAccepted(1);
    expect(domEventOf("copy")).toMatchObject({ type: "click", label: "Copy" });
  });

  it("sends a signal made later in a timer with no event, though I clicked just before", async () => {
    renderApp();
    fireEvent.click(screen.getByText("Copy later"));
    await tick(20);
    await server.waitForAccepted(1);
    expect(bodies()[0]!.trigger_name).toBe("timer");
    expect(domEventOf("timer")).toBeUndefined();
  });

  it("sends the AI's own change, made in an effect after a fetch-like delay, with no event, not my click on another button", async () => {
    renderApp();
    // The first AI text is the baseline; the second, set in an effect, is the AI's edit.
    fireEvent.click(screen.getByText("Regenerate later"));
    await tick(10);
    fireEvent.click(screen.getByText("Unrelated"));
    await tick(300);
    await server.waitForAccepted(1);
    expect(bodies().map((body) => body.trigger_name)).toEqual(["ai_generation"]);
    expect(domEventOf("ai_generation")).toBeUndefined();
  });

  it("sends my typing with the last input event that changed the draft, not the click that came after it", async () => {
    renderApp();
    const field = screen.getByLabelText("Draft");
    fireEvent.change(field, { target: { value: "The answer is 42!" } });
    fireEvent.change(field, { target: { value: "The answer is 42!!" } });
    // A click elsewhere before the quiet time ends: it changed nothing, so it says nothing about the edit.
    fireEvent.click(screen.getByText("Unrelated"));
    await tick(300);
    await server.waitForAccepted(1);
    expect(domEventOf("manual_refinement")).toMatchObject({ type: expect.stringMatching(/^(input|change)$/), label: "Draft" });
    // Never what was typed (the event's time may hold "42" by chance: it is left out of this check).
    const { time: _time, ...described } = domEventOf("manual_refinement") as Record<string, unknown>;
    expect(JSON.stringify(described)).not.toContain("answer is 42");
  });

  it("keeps my typing's event when the sequence ends because another change arrives during a click", async () => {
    renderApp();
    fireEvent.change(screen.getByLabelText("Draft"), { target: { value: "Mine" } });
    // The AI's text arrives (a timer): its change ends my sequence, which keeps its own event.
    fireEvent.click(screen.getByText("Regenerate later"));
    await tick(350);
    await server.waitForAccepted(2);
    expect(domEventOf("manual_refinement")).toMatchObject({ type: expect.stringMatching(/^(input|change)$/) });
    expect(domEventOf("ai_generation")).toBeUndefined();
  });
});
