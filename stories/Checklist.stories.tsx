import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { KeletProvider, useFeedbackReducer } from "@kelet-ai/feedback-ui";
import { inboxFor } from "../.storybook/story-inbox";
import "./patterns.css";

interface Step {
  text: string;
  done: boolean;
}
type StepAction = { type: "ai_suggest"; steps: string[] } | { type: "toggle"; index: number };

function stepsReducer(steps: Step[], action: StepAction): Step[] {
  switch (action.type) {
    case "ai_suggest":
      return action.steps.map((text) => ({ text, done: false }));
    case "toggle":
      return steps.map((step, index) => (index === action.index ? { ...step, done: !step.done } : step));
  }
}

const AI_STEPS = ["Confirm the order number", "Approve the refund", "Send the confirmation email"];

interface ChecklistProps {
  /** The session the checklist belongs to. */
  sessionId: string;
  /** The project a nested provider routes this panel's signals to. */
  project: string;
}

/**
 * Steps the AI proposes, ticked off by the user. `useFeedbackReducer` is a drop-in
 * `useReducer`; each action's `type` becomes the trigger of its edit signal. The panel
 * sits in a nested `KeletProvider` that sets only `project`, so its signals go to a
 * second project with the parent's key.
 */
function Checklist({ sessionId, project }: ChecklistProps) {
  return (
    <KeletProvider project={project}>
      <ChecklistPanel sessionId={sessionId} />
    </KeletProvider>
  );
}

function ChecklistPanel({ sessionId }: { sessionId: string }) {
  const [steps, dispatch] = useFeedbackReducer(stepsReducer, [] as Step[], sessionId, { debounceMs: 300 });
  return (
    <div className="pattern">
      <button type="button" className="secondary" onClick={() => dispatch({ type: "ai_suggest", steps: AI_STEPS })}>
        Suggest steps with AI
      </button>
      <ul className="checklist">
        {steps.map((step, index) => (
          <li key={step.text}>
            <label>
              <input type="checkbox" checked={step.done} onChange={() => dispatch({ type: "toggle", index })} /> {step.text}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

const meta = {
  title: "Patterns/Checklist on useFeedbackReducer",
  parameters: { kelet: { showSignals: true } },
  component: Checklist,
  args: { sessionId: "sess_checklist_1", project: "support-checklist" },
} satisfies Meta<typeof Checklist>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `ai_suggest` then `toggle`: two edit signals, each named by its action type, sent to the nested provider's project. */
export const ActionTypesAreTriggers: Story = {
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Suggest steps with AI" }));
    await userEvent.click(await canvas.findByRole("checkbox", { name: "Approve the refund" }));
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(2), { timeout: 5000 });
    expect(inbox.signals.map((signal) => [signal.project, signal.body.trigger_name])).toEqual([
      ["support-checklist", "ai_suggest"],
      ["support-checklist", "toggle"],
    ]);
    expect(inbox.signals.every((signal) => signal.body.kind === "edit" && signal.body.session_id === "sess_checklist_1")).toBe(true);
  },
};
