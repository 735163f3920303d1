import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { useFeedbackReducer, type FeedbackData } from "../../src";
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

const meta = {
  title: "Hooks/useFeedbackReducer/Reworked AI plan",
  component: ReducerChecklist,
  args: { sessionId: "sess_plan_1", debounceMs: 1000, diffType: "git" },
  argTypes: { diffType: { control: "inline-radio", options: ["git", "object", "json"] } },
} satisfies Meta<typeof ReducerChecklist>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Deep-diff records instead of line diffs. */
export const ObjectDiff: Story = { args: { diffType: "object" } };
