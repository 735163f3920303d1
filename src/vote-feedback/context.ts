import { createContext, useContext, type RefObject } from "react";
import type { PopoverOn, Vote, VoteKind } from "./state-machine";

export type { Vote, VoteKind } from "./state-machine";

/**
 * What the parts read about the widget. Text and reasons have contexts of
 * their own, so typing re-renders the textarea and nothing else.
 */
export interface VoteFeedbackStateValue {
  vote: Vote;
  open: boolean;
  /** The vote button the popover belongs to: its anchor, its label, where focus returns. */
  openedBy: VoteKind;
  /** A signal is being handed to the provider (or `onFeedback`) right now. */
  submitting: boolean;
  popoverOn: PopoverOn | undefined;
  /** The popover's element is in the page (open, or still animating out): only then may a button point at it. */
  popoverShown: boolean;
  /** The prefix of the parts' ids: `{id}upvote`, `{id}downvote`, `{id}popover`, `{id}description`. */
  id: string;
}

/** What the parts can do. One object for the widget's whole life: reading it never re-renders. */
export interface VoteFeedbackActions {
  pressVote(kind: VoteKind): void;
  setText(text: string): void;
  toggleReason(reason: string): void;
  submit(): void;
  setOpen(open: boolean): void;
  /** The popover's element entered (`true`) or left (`false`) the page. */
  setPopoverShown(shown: boolean): void;
  /** The rendered vote buttons (the app may have given them its own ids). */
  buttons: Record<VoteKind, RefObject<HTMLElement | null>>;
  /** The rendered textarea: focused on open, and what it shows is what a submit sends. */
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** The vote button the popover belongs to: its anchor, and where focus returns. */
  anchorRef: { readonly current: HTMLElement | null };
  /** Set when a vote press closed the popover: focus stays on the pressed button, not the anchor. */
  closedByVote: { current: VoteKind | null };
}

/** The widget's state and its actions in one context: one provider fewer for each answer of a long chat. */
export const StateContext = createContext<(VoteFeedbackStateValue & { actions: VoteFeedbackActions }) | null>(null);
export const TextContext = createContext("");
export const ReasonsContext = createContext<readonly string[]>([]);

/** Every part reads the actions first: outside a Root it fails loudly with its own name. */
export function useVoteFeedbackActions(partName: string): VoteFeedbackActions {
  const state = useContext(StateContext);
  if (!state) throw new Error(`<${partName}> must be used within <VoteFeedback.Root>`);
  return state.actions;
}

// The Root provides all three together, so past the check above these are never missing.
export const useVoteFeedbackState = () => useContext(StateContext)!;
export const useVoteFeedbackText = () => useContext(TextContext);
export const useVoteFeedbackReasons = () => useContext(ReasonsContext);
