import { hasExplanation, type Explanation } from "./build-signal";

/** The vote a user gave: `"upvote"`, `"downvote"`, or `null` for none yet. */
export type Vote = "upvote" | "downvote" | null;

/** The vote buttons, by the vote they give. */
export type VoteKind = Exclude<Vote, null>;

/** Which vote opens the comment popover. */
export type PopoverOn = "downvote" | "both";

/** Everything the widget shows. `vote`, `open` and `text` may be owned by the app (controlled). */
export interface VoteFeedbackState {
  vote: Vote;
  open: boolean;
  /** The vote button the popover belongs to: its anchor, its label, where focus returns. */
  openedBy: VoteKind;
  text: string;
  reasons: readonly string[];
}

/** What the user (or the app, through Root's props) did. */
export type VoteFeedbackEvent =
  | { type: "press-vote"; kind: VoteKind; popoverOn: PopoverOn }
  | { type: "set-text"; text: string }
  | { type: "toggle-reason"; reason: string }
  | { type: "set-open"; open: boolean }
  | { type: "submit" }
  /** A new session: a new answer, so start over from the initial state. */
  | { type: "reset"; initial: VoteFeedbackState };

/** A signal a transition asks for: the vote alone, or the vote with its explanation. */
export interface SignalRequest {
  vote: VoteKind;
  explanation?: Explanation;
}

export interface Transition {
  state: VoteFeedbackState;
  send?: SignalRequest;
}

/**
 * The widget's state machine, with no React in it: the next state for an
 * event, and the signal to send when the event makes one.
 */
export function voteFeedbackReducer(state: VoteFeedbackState, event: VoteFeedbackEvent): Transition {
  switch (event.type) {
    case "press-vote": {
      const { kind, popoverOn } = event;
      const changed = state.vote !== kind;
      const send = changed ? { vote: kind } : undefined;
      const opensPopover = kind === "downvote" || popoverOn === "both";
      if (!opensPopover) return { state: { ...state, vote: kind, open: false }, send };
      // Pressing the chosen vote again sends nothing; it toggles its own popover.
      const closes = !changed && state.open && state.openedBy === kind;
      return { state: { ...state, vote: kind, open: !closes, openedBy: kind }, send };
    }
    case "set-text":
      return { state: { ...state, text: event.text } };
    case "toggle-reason": {
      const { reason } = event;
      const reasons = state.reasons.includes(reason) ? state.reasons.filter((chosen) => chosen !== reason) : [...state.reasons, reason];
      return { state: { ...state, reasons } };
    }
    case "set-open":
      return { state: { ...state, open: event.open } };
    case "submit": {
      const explanation = { text: state.text, reasons: state.reasons };
      const send = hasExplanation(explanation) ? { vote: state.openedBy, explanation } : undefined;
      return { state: { ...state, text: "", reasons: [], open: false }, send };
    }
    case "reset":
      return { state: event.initial };
  }
}
