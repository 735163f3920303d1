import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { KeletProvider, useFeedbackReducer, type FeedbackData } from "@kelet-ai/feedback-ui";
import { inboxFor } from "../../.storybook/story-inbox";
import "../patterns/patterns.css";
import { SignalLog } from "./SignalLog";

type Step = { id: number; text: string; done: boolean };
type Action =
  | { type: "add_step"; text: string }
  | { type: "remove_step"; id: number }
  | { type: "toggle_step"; id: number }
  | { type: "rename_step"; id: number; text: string };

let nextId = 100;

function checklistReducer(steps: Step[], action: Action): Step[] {
  switch (action.type) {
    case "add_step":
      return [...steps, { id: nextId++, text: action.text, done: false }];
    case "remove_step":
      return steps.filter((step) => step.id !== action.id);
    case "toggle_step":
      return steps.map((step) => (step.id === action.id ? { ...step, done: !step.done } : step));
    case "rename_step":
      return steps.map((step) => (step.id === action.id ? { ...step, text: action.text } : step));
  }
}

const AI_PLAN = ["Confirm the order number", "Check the refund policy", "Issue the refund", "Email the customer"];

interface ReducerChecklistProps {
  /** The session the signals belong to. */
  sessionId: string;
  /** Quiet time (ms) that ends a sequence of actions with the same type. */
  debounceMs: number;
  /** How each edit's `value` is written. */
  diffType: "git" | "object" | "json";
}

/**
 * An AI-suggested plan the user reworks with a reducer. Each action's `type`
 * is its trigger: several `toggle_step`s in a row are one signal; a
 * `remove_step` after them ends that sequence at once and starts its own.
 */
function ReducerChecklist({ sessionId, debounceMs, diffType }: ReducerChecklistProps) {
  const [signals, setSignals] = useState<FeedbackData[]>([]);
  const [newStep, setNewStep] = useState("");
  const [steps, dispatch] = useFeedbackReducer(
    checklistReducer,
    AI_PLAN,
    sessionId,
    { debounceMs, diffType, onFeedback: (signal) => setSignals((log) => [...log, signal]) },
    (texts: string[]) => texts.map((text, id) => ({ id, text, done: false })),
  );
  return (
    <div style={{ maxWidth: 640, fontFamily: "ui-sans-serif, system-ui, sans-serif" }}>
      <ul style={{ listStyle: "none", padding: 0 }}>
        {steps.map((step) => (
          <li key={step.id} style={{ display: "flex", gap: 8, alignItems: "center", marginBottom: 4 }}>
            <input type="checkbox" aria-label={`Done: ${step.text}`} checked={step.done} onChange={() => dispatch({ type: "toggle_step", id: step.id })} />
            <input aria-label="Step" value={step.text} onChange={(event) => dispatch({ type: "rename_step", id: step.id, text: event.target.value })} />
            <button type="button" aria-label={`Remove ${step.text}`} onClick={() => dispatch({ type: "remove_step", id: step.id })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (newStep.trim()) dispatch({ type: "add_step", text: newStep.trim() });
          setNewStep("");
        }}
      >
        <input aria-label="New step" value={newStep} onChange={(event) => setNewStep(event.target.value)} placeholder="Add a step" />{" "}
        <button type="submit">Add</button>
      </form>
      <SignalLog signals={signals} />
    </div>
  );
}

interface ChecklistStep {
  text: string;
  done: boolean;
}
type ChecklistAction = { type: "ai_suggest"; steps: string[] } | { type: "toggle"; index: number };

function stepsReducer(steps: ChecklistStep[], action: ChecklistAction): ChecklistStep[] {
  switch (action.type) {
    case "ai_suggest":
      return action.steps.map((text) => ({ text, done: false }));
    case "toggle":
      return steps.map((step, index) => (index === action.index ? { ...step, done: !step.done } : step));
  }
}

const AI_CHECKLIST = ["Confirm the order number", "Approve the refund", "Send the confirmation email"];

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
  const [steps, dispatch] = useFeedbackReducer(stepsReducer, [] as ChecklistStep[], sessionId, { debounceMs: 300 });
  return (
    <div className="pattern">
      <button type="button" className="secondary" onClick={() => dispatch({ type: "ai_suggest", steps: AI_CHECKLIST })}>
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
  title: "Hooks/useFeedbackReducer",
  component: ReducerChecklist,
  args: { sessionId: "sess_plan_1", debounceMs: 1000, diffType: "git" },
  argTypes: { diffType: { control: "inline-radio", options: ["git", "object", "json"] } },
} satisfies Meta<typeof ReducerChecklist>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Deep-diff records instead of line diffs. */
export const ObjectDiff: Story = { args: { diffType: "object" } };

/** `ai_suggest` then `toggle`: two edit signals, each named by its action type, sent to the nested provider's project. */
export const ActionTypesAreTriggers: Story = {
  parameters: { kelet: { showSignals: true } },
  render: () => <Checklist sessionId="sess_checklist_1" project="support-checklist" />,
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
