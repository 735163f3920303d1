import { render, screen } from "@testing-library/react";
import { useEffect, useState } from "react";
import { userEvent } from "vitest/browser";
import { describe, expect, it } from "vitest";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useFeedbackState, useKeletSignal } from "../../src";

// Issue 22.6 in real Chromium: trusted events, React's own batching and effect timing.
type Body = { trigger_name?: string; metadata?: { $dom_event?: Record<string, unknown> } };

function setup() {
  const bodies: Body[] = [];
  // The transport stands in for the API: what matters here is the body the page built.
  const transport = async (_url: string, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)) as Body);
    return new Response(null, { status: 200 });
  };
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
        <button onClick={() => undefined}>Unrelated</button>
        <button onClick={() => setTimeout(() => setAiText("The answer is 43."), 30)}>Regenerate</button>
        <button
          onClick={async () => {
            // A microtask of the handler still runs while the click is handled.
            await Promise.resolve();
            void send({ session_id: "s-1", kind: "event", trigger_name: "copy" });
          }}
        >
          Copy
        </button>
        <button
          onClick={async () => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            void send({ session_id: "s-1", kind: "event", trigger_name: "after-a-wait" });
          }}
        >
          Copy after a wait
        </button>
      </>
    );
  }
  render(
    <KeletProvider apiKey="pk_1" project="p" baseUrl="https://api.kelet.test" fetch={transport}>
      <App />
    </KeletProvider>,
  );
  const domEventOf = (trigger: string) => bodies.find((body) => body.trigger_name === trigger)?.metadata?.$dom_event;
  const sent = (trigger: string) => expect.poll(() => bodies.some((body) => body.trigger_name === trigger), { timeout: 3000 }).toBe(true);
  return { bodies, domEventOf, sent };
}

describe("$dom_event in real Chromium is the user event a signal was made during", () => {
  it("sends my typing with the input event that changed the draft, not my later click on another button", async () => {
    const { domEventOf, sent } = setup();
    await userEvent.type(screen.getByLabelText("Draft"), " Sure?");
    await userEvent.click(screen.getByText("Unrelated"));
    await sent("manual_refinement");
    expect(domEventOf("manual_refinement")).toMatchObject({ type: "input", label: "Draft" });
    expect(JSON.stringify(domEventOf("manual_refinement"))).not.toContain("Sure");
  });

  it("sends the AI's change, made in an effect once its text arrives, with no event, though I clicked just before", async () => {
    const { domEventOf, sent } = setup();
    await userEvent.click(screen.getByText("Regenerate"));
    await userEvent.click(screen.getByText("Unrelated"));
    await sent("ai_generation");
    expect(domEventOf("ai_generation")).toBeUndefined();
  });

  it("sends a signal made in the handler's microtask with its click, and one made after a timer wait with none", async () => {
    const { domEventOf, sent } = setup();
    await userEvent.click(screen.getByText("Copy"));
    await userEvent.click(screen.getByText("Copy after a wait"));
    await sent("copy");
    await sent("after-a-wait");
    expect(domEventOf("copy")).toMatchObject({ type: "click", label: "Copy" });
    expect(domEventOf("after-a-wait")).toBeUndefined();
  });
});
