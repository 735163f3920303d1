import { act, fireEvent, render, screen } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { KeletProvider, useFeedbackState } from "../../src";
import { useSignalServer } from "../support/signal-server";

// The README's two AI-draft recipes (Quick start, step 3), as written there, through a real provider and a
// local HTTP server standing in for the Kelet API. debounceMs is shortened so a sequence ends within the test.
const server = useSignalServer();
const DEBOUNCE_MS = 40;

/** README: every answer shown is reported as an ai_generation edit (kept from 1.3). */
function DraftReportingTheAi({ sessionId, aiText }: { sessionId: string; aiText: string }) {
  const [draft, setDraft] = useFeedbackState("", sessionId, { debounceMs: DEBOUNCE_MS });
  useEffect(() => setDraft(aiText, "ai_generation"), [aiText, setDraft]);
  return <textarea aria-label="reply" value={draft} onChange={(e) => setDraft(e.target.value, "manual_refinement")} />;
}

/** README: only the user's edits are sent; the AI's first text becomes the baseline. */
function DraftReportingOnlyTheUser({ sessionId, aiText }: { sessionId: string; aiText: string }) {
  const [draft, setDraft] = useFeedbackState<string | null>(null, sessionId, { debounceMs: DEBOUNCE_MS });
  useEffect(() => setDraft(aiText, "ai_generation"), [aiText, setDraft]);
  return <textarea aria-label="reply" value={draft ?? ""} onChange={(e) => setDraft(e.target.value, "manual_refinement")} />;
}

const AI_TEXT = "Your refund was approved on Monday.";
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 4)));
const bodies = () => server.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);

describe("the README's AI-draft recipes", () => {
  it("useFeedbackState('') reports the AI's text as an ai_generation edit for every answer shown, as 1.3 did", async () => {
    render(
      <KeletProvider apiKey="pk-kelet-test" project="support-bot" baseUrl={server.origin}>
        <DraftReportingTheAi sessionId="sess-ai" aiText={AI_TEXT} />
      </KeletProvider>,
    );
    await server.waitForRequests(1);
    expect(bodies()[0]).toMatchObject({ session_id: "sess-ai", kind: "edit", source: "human", trigger_name: "ai_generation", score: 0, confidence: 1 });
  });

  it("useFeedbackState<string | null>(null) sends nothing for the AI's first text and one signal for my edit", async () => {
    render(
      <KeletProvider apiKey="pk-kelet-test" project="support-bot" baseUrl={server.origin}>
        <DraftReportingOnlyTheUser sessionId="sess-user" aiText={AI_TEXT} />
      </KeletProvider>,
    );
    await settle();
    expect(server.requests).toHaveLength(0);
    expect((screen.getByRole("textbox", { name: "reply" }) as HTMLTextAreaElement).value).toBe(AI_TEXT);

    fireEvent.change(screen.getByRole("textbox", { name: "reply" }), { target: { value: "Your refund was approved on Tuesday." } });
    await server.waitForRequests(1);
    await settle();
    expect(bodies()).toHaveLength(1);
    expect(bodies()[0]).toMatchObject({ session_id: "sess-user", kind: "edit", trigger_name: "manual_refinement", score: 1 });
    expect(bodies()[0]!.value).toBe("-Your refund was approved on Monday.\n+Your refund was approved on Tuesday.");
  });
});
