import { hasExplanation, type Explanation } from "./build-signal";

/** The vote a user gave: `"upvote"`, `"downvote"`, or `null` for none yet. */
export type Vote = "upvote" | "downvote" | null;

/** The vote buttons, by the vote they give. */
export type VoteKind = Exclude<Vote, null>;

/** Which vote opens the comment popover. */
export type PopoverOn = "downvote" | "both";

/** Everything the widget shows. `vote`, `open` and `text` may be owned by the app (controlled). */
export interface VoteFeedbackState extends Explanation {
  vote: Vote;
  open: boolean;
  /** The vote button the popover belongs to: its anchor, its label, where focus returns. */
  openedBy: VoteKind;
}

/**
 * The next state, and the signal it asks for: a vote to send, with the
 * explanation (text and reasons) when it carries one.
 */
export type Transition = [next: VoteFeedbackState, send?: VoteKind, explanation?: Explanation];

// The widget's state machine, with no React in it: one pure transition per thing a user does.

export function pressVote(state: VoteFeedbackState, kind: VoteKind, popoverOn?: PopoverOn): Transition {
  const changed = state.vote !== kind;
  const opensPopover = kind === "downvote" || popoverOn === "both";
  // Pressing the chosen vote again sends nothing; it toggles its own popover.
  const open = opensPopover && !(!changed && state.open && state.openedBy === kind);
  return [{ ...state, vote: kind, open, openedBy: opensPopover ? kind : state.openedBy }, changed ? kind : undefined];
}

export function toggleReason(state: VoteFeedbackState, reason: string): Transition {
  const { reasons } = state;
  return [{ ...state, reasons: reasons.includes(reason) ? reasons.filter((chosen) => chosen !== reason) : [...reasons, reason] }];
}

/** Sends the comment when there is one (text or a reason), and closes with the draft cleared. */
export function submit(state: VoteFeedbackState): Transition {
  return [{ ...state, text: "", reasons: [], open: false }, hasExplanation(state) ? state.openedBy : undefined, state];
}
