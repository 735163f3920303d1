import { useState, type FormEvent } from "react";
import { useFeedbackReducer } from "@kelet-ai/feedback-ui";
import type { ConversationSession } from "./App";
import { callAgent } from "./session";

interface ChecklistItem {
  id: number;
  text: string;
  done: boolean;
}

type ChecklistAction =
  | { type: "ai_suggest"; items: string[] }
  | { type: "toggle"; id: number }
  | { type: "add"; text: string }
  | { type: "remove"; id: number };

function checklistReducer(items: ChecklistItem[], action: ChecklistAction): ChecklistItem[] {
  switch (action.type) {
    case "ai_suggest":
      return action.items.map((text, index) => ({ id: index + 1, text, done: false }));
    case "toggle":
      return items.map((item) => (item.id === action.id ? { ...item, done: !item.done } : item));
    case "add":
      return [...items, { id: Math.max(0, ...items.map((item) => item.id)) + 1, text: action.text, done: false }];
    case "remove":
      return items.filter((item) => item.id !== action.id);
  }
}

/**
 * Follow-up steps the AI proposes. `useFeedbackReducer` is a drop-in
 * `useReducer`: each action's `type` becomes the trigger of the edit it makes
 * (`ai_suggest`, `toggle`, `add`, `remove`). This panel sits in a nested
 * provider, so its signals go to a second project.
 */
export function Checklist({
  project,
  session,
  onServerSession,
}: {
  project: string;
  session: ConversationSession;
  onServerSession: (id: string | null) => void;
}) {
  const [items, dispatch] = useFeedbackReducer(checklistReducer, [] as ChecklistItem[], session.id, {
    debounceMs: 1500,
    metadata: { panel: "checklist" },
  });
  const [newItem, setNewItem] = useState("");
  const [problem, setProblem] = useState("");

  async function suggest() {
    setProblem("");
    try {
      const { response, sessionId } = await callAgent("/api/checklist", {}, session.id);
      onServerSession(sessionId);
      const { items: suggested } = (await response.json()) as { items: string[] };
      dispatch({ type: "ai_suggest", items: suggested });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (newItem.trim() === "") return;
    dispatch({ type: "add", text: newItem.trim() });
    setNewItem("");
  };

  return (
    <section className="card" aria-labelledby="checklist-title">
      <div className="card-heading">
        <h2 id="checklist-title">Follow-up checklist</h2>
        <button type="button" className="secondary-button" onClick={() => void suggest()}>
          Suggest steps with AI
        </button>
      </div>
      <p className="hint">
        <code>useFeedbackReducer</code> in a nested <code>KeletProvider project="{project}"</code>: each action type is the edit's trigger.
      </p>
      {items.length === 0 ? <p className="empty">No steps yet.</p> : null}
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.id} data-done={item.done || undefined}>
            <label>
              <input type="checkbox" checked={item.done} onChange={() => dispatch({ type: "toggle", id: item.id })} />
              <span>{item.text}</span>
            </label>
            <button type="button" className="icon-button" aria-label={`Remove “${item.text}”`} onClick={() => dispatch({ type: "remove", id: item.id })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="ask" onSubmit={onAdd}>
        <label className="visually-hidden" htmlFor="new-step">
          New step
        </label>
        <input id="new-step" value={newItem} placeholder="Add a step…" onChange={(event) => setNewItem(event.target.value)} />
        <button type="submit" className="secondary-button" disabled={newItem.trim() === ""}>
          Add
        </button>
      </form>
      {problem ? (
        <p role="alert" className="inline-error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
