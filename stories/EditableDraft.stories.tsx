import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { useFeedbackState } from "@kelet-ai/feedback-ui";
import { inboxFor } from "../.storybook/story-inbox";
import "./patterns.css";

const AI_DRAFT = "Hi Sam, your refund for order #4821 is approved and will reach your card within 5 to 7 business days.";

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
  title: "Patterns/Editable AI draft",
  parameters: { kelet: { showSignals: true } },
  component: EditableDraft,
  args: { sessionId: "sess_draft_1", debounceMs: 400 },
} satisfies Meta<typeof EditableDraft>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The AI's draft is one edit (`ai_generation`); the user's small fix is another
 * (`manual_refinement`) with a small diff, because it is measured from the AI's text.
 */
export const AiDraftThenUserFix: Story = {
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
