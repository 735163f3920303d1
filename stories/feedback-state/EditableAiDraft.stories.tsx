import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { useFeedbackState, type DiffType, type FeedbackData } from "../../src";
import { SignalLog } from "./SignalLog";

const AI_ANSWER = [
  "Hi Sam,",
  "Your refund for order #4821 is approved.",
  "It will reach your card within 5 business days.",
  "Thanks for your patience!",
].join("\n");

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

const meta = {
  title: "Hooks/useFeedbackState/Editable AI draft",
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
