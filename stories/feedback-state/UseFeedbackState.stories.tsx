import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { useFeedbackState, type DiffType, type FeedbackData } from "@kelet-ai/feedback-ui";
import { inboxFor } from "../../.storybook/story-inbox";
import "../patterns/patterns.css";
import { SignalLog } from "./SignalLog";

const AI_ANSWER = [
  "Hi Sam,",
  "Your refund for order #4821 is approved.",
  "It will reach your card within 5 business days.",
  "Thanks for your patience!",
].join("\n");

const AI_DRAFT = "Hi Sam, your refund for order #4821 is approved and will reach your card within 5 to 7 business days.";

interface EditableAiDraftProps {
  /** The session the signals belong to. */
  sessionId: string;
  /** Quiet time (ms) that ends a sequence of edits. The library's default is 3000. */
  debounceMs: number;
  /** How each edit's `value` is written. */
  diffType: DiffType;
}

/**
 * An AI-written draft the user corrects. The AI's text arrives with the
 * trigger `ai_generation`; as the first value after `null` it becomes the
 * baseline instead of a signal. Each pause in the user's typing ends a
 * `manual_refinement` sequence, diffed against where that sequence began.
 */
function EditableAiDraft({ sessionId, debounceMs, diffType }: EditableAiDraftProps) {
  const [signals, setSignals] = useState<FeedbackData[]>([]);
  const [draft, setDraft] = useFeedbackState<string | null>(null, sessionId, {
    debounceMs,
    diffType,
    metadata: { panel: "reply-draft" },
    onFeedback: (signal) => setSignals((log) => [...log, signal]),
  });
  return (
    <div style={{ maxWidth: 640, fontFamily: "ui-sans-serif, system-ui, sans-serif" }}>
      <button type="button" onClick={() => setDraft(AI_ANSWER, "ai_generation")}>
        Write with AI
      </button>{" "}
      <button type="button" onClick={() => setDraft(`${AI_ANSWER}\n(Regenerated.)`, "ai_generation")} disabled={draft === null}>
        Regenerate
      </button>
      <textarea
        aria-label="Reply draft"
        rows={6}
        style={{ display: "block", width: "100%", marginTop: 8 }}
        value={draft ?? ""}
        placeholder="Press “Write with AI”, then fix the draft."
        onChange={(event) => setDraft(event.target.value, "manual_refinement")}
      />
      <SignalLog signals={signals} />
    </div>
  );
}

interface EditableDraftProps {
  /** The session the draft belongs to. */
  sessionId: string;
  /** Quiet time (ms) that ends a sequence of edits. The library's default is 3000. */
  debounceMs: number;
}

/**
 * An AI-written draft the user edits. `useFeedbackState` is a drop-in `useState`:
 * `setDraft(text, "ai_generation")` when the AI writes, `setDraft(text, "manual_refinement")`
 * as the user types. Each sequence is one `kind: "edit"` signal whose diff is measured
 * from where that sequence started.
 */
function EditableDraft({ sessionId, debounceMs }: EditableDraftProps) {
  const [draft, setDraft] = useFeedbackState("", sessionId, { debounceMs, metadata: { panel: "reply-draft" } });
  return (
    <div className="pattern">
      <button type="button" className="secondary" onClick={() => setDraft(AI_DRAFT, "ai_generation")}>
        Write with AI
      </button>
      <p className="hint">Edits are reported {debounceMs} ms after the last keystroke.</p>
      <textarea aria-label="Reply draft" rows={4} value={draft} onChange={(event) => setDraft(event.target.value, "manual_refinement")} />
    </div>
  );
}

const meta = {
  title: "Hooks/useFeedbackState",
  component: EditableAiDraft,
  args: { sessionId: "sess_draft_1", debounceMs: 800, diffType: "git" },
  argTypes: { diffType: { control: "inline-radio", options: ["git", "object", "json"] } },
} satisfies Meta<typeof EditableAiDraft>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Write with AI, then edit: one small `manual_refinement` signal per pause. */
export const Default: Story = {};

/** The user changes "5" to "3": the signal's diff shows that one line and its confidence is tiny. */
export const SmallFixIsASmallSignal: Story = {
  args: { debounceMs: 300 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Write with AI" }));
    const textarea = canvas.getByRole("textbox", { name: "Reply draft" });
    await userEvent.clear(textarea);
    await userEvent.type(textarea, AI_ANSWER.replace("within 5", "within 3").replace(/\n/g, "{Enter}"));
    await waitFor(() => expect(canvas.getAllByTestId("signal")).toHaveLength(1), { timeout: 5000 });
  },
};

/** Pressing "Regenerate" while the user is typing ends their sequence at once, then starts an `ai_generation` one. */
export const RegenerateEndsTheUsersSequence: Story = {
  args: { debounceMs: 5000 },
};

/**
 * The AI's draft is one edit (`ai_generation`); the user's small fix is another
 * (`manual_refinement`) with a small diff, because it is measured from the AI's text.
 */
export const ThroughTheProvider: Story = {
  parameters: { kelet: { showSignals: true } },
  render: () => <EditableDraft sessionId="sess_draft_1" debounceMs={400} />,
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Write with AI" }));
    const textarea = canvas.getByRole("textbox", { name: "Reply draft" });
    await waitFor(() => expect(textarea).toHaveValue(AI_DRAFT));
    await userEvent.type(textarea, " Thanks!");
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(2), { timeout: 5000 });
    const [generated, refined] = inbox.signals.map((signal) => signal.body);
    expect(generated).toMatchObject({ session_id: "sess_draft_1", kind: "edit", trigger_name: "ai_generation" });
    expect(refined).toMatchObject({ session_id: "sess_draft_1", kind: "edit", trigger_name: "manual_refinement", metadata: { panel: "reply-draft" } });
    expect(refined!.confidence).toBeGreaterThan(0);
    expect(refined!.confidence).toBeLessThan(0.2);
    expect(String(refined!.value)).toContain("Thanks!");
  },
};
