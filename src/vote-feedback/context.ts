import { createContext, useContext } from "react";

/** The vote a user gave: `"upvote"`, `"downvote"`, or `null` for none yet. */
export type Vote = "upvote" | "downvote" | null;

/** The vote buttons, by the vote they give. */
export type VoteKind = Exclude<Vote, null>;

/** What `VoteFeedback.Root` shares with its parts. Actions are stable; state changes rebuild the value. */
export interface VoteFeedbackContextValue {
  vote: Vote;
  /** A signal this widget started has not settled yet. */
  submitting: boolean;
  open: boolean;
  /** The vote button the popover belongs to: its anchor, its label, where focus returns. */
  openedBy: VoteKind;
  /** The text that will be submitted (the app's own, when its `Textarea` is controlled). */
  text: string;
  reasons: readonly string[];
  popoverOn: "downvote" | "both";
  ids: { upvote: string; downvote: string; popover: string };
  actions: VoteFeedbackActions;
}

export interface VoteFeedbackActions {
  pressVote(kind: VoteKind): void;
  setText(text: string): void;
  /** A `Textarea` given its own `value` reports it here (undefined: bound to the popover text again). */
  setControlledText(text: string | undefined): void;
  toggleReason(reason: string): void;
  submit(): void;
  setOpen(open: boolean): void;
  registerButton(kind: VoteKind, element: HTMLElement | null): void;
  registerTextarea(element: HTMLElement | null): void;
  /** Moves focus back to the vote button the popover belongs to. */
  returnFocus(): void;
  /** Moves focus into the textarea; false when there is none. */
  focusTextarea(): boolean;
  /** The id of the rendered vote button (the app may have given its own). */
  labelIdOf(kind: VoteKind): string | undefined;
  /** What the popover is anchored to: the vote button it belongs to. */
  anchorRef: { readonly current: HTMLElement | null };
}

export const VoteFeedbackContext = createContext<VoteFeedbackContextValue | null>(null);
VoteFeedbackContext.displayName = "VoteFeedbackContext";

/** The enclosing Root's context; a part used outside one fails loudly with its own name. */
export function useVoteFeedbackContext(partName: string): VoteFeedbackContextValue {
  const context = useContext(VoteFeedbackContext);
  if (!context) throw new Error(`<${partName}> must be used within <VoteFeedback.Root>`);
  return context;
}
