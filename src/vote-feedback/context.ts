import { createContext, useContext, type Context } from "react";
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
  popoverOn: PopoverOn;
  ids: { upvote: string; downvote: string; popover: string; description: string };
}

/** What the parts can do. One object for the widget's whole life: reading it never re-renders. */
export interface VoteFeedbackActions {
  pressVote(kind: VoteKind): void;
  setText(text: string): void;
  toggleReason(reason: string): void;
  submit(): void;
  setOpen(open: boolean): void;
  /** The popover is open now (the latest state, also between renders). */
  isOpen(): boolean;
  registerButton(kind: VoteKind, element: HTMLElement | null): void;
  /** `valueOwnedByApp`: the field shows the app's own `value` (the 1.3 way), so a submit reads what it shows. */
  registerTextarea(element: HTMLTextAreaElement | null, valueOwnedByApp?: boolean): void;
  /** Moves focus back to the vote button the popover belongs to. */
  returnFocus(): void;
  /** Moves focus into the textarea; false when there is none. */
  focusTextarea(): boolean;
  /** The id of the rendered vote button (the app may have given its own). */
  labelIdOf(kind: VoteKind): string | undefined;
  /** What the popover is anchored to: the vote button it belongs to. */
  anchorRef: { readonly current: HTMLElement | null };
}

export const VoteFeedbackStateContext = createContext<VoteFeedbackStateValue | null>(null);
VoteFeedbackStateContext.displayName = "VoteFeedbackStateContext";
export const VoteFeedbackActionsContext = createContext<VoteFeedbackActions | null>(null);
VoteFeedbackActionsContext.displayName = "VoteFeedbackActionsContext";
export const VoteFeedbackTextContext = createContext<string | null>(null);
VoteFeedbackTextContext.displayName = "VoteFeedbackTextContext";
export const VoteFeedbackReasonsContext = createContext<readonly string[] | null>(null);
VoteFeedbackReasonsContext.displayName = "VoteFeedbackReasonsContext";

/** One of the Root's contexts; a part used outside a Root fails loudly with its own name. */
function useRootContext<T>(context: Context<T | null>, partName: string): T {
  const value = useContext(context);
  if (value === null) throw new Error(`<${partName}> must be used within <VoteFeedback.Root>`);
  return value;
}

export const useVoteFeedbackState = (partName: string) => useRootContext(VoteFeedbackStateContext, partName);
export const useVoteFeedbackActions = (partName: string) => useRootContext(VoteFeedbackActionsContext, partName);
export const useVoteFeedbackText = (partName: string) => useRootContext(VoteFeedbackTextContext, partName);
export const useVoteFeedbackReasons = (partName: string) => useRootContext(VoteFeedbackReasonsContext, partName);
