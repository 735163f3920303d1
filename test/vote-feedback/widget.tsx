import type { ReactNode } from "react";
import { KeletProvider, type KeletProviderProps } from "../../src/provider/kelet-provider";
import { VoteFeedback, type VoteFeedbackRootProps, type PopoverProps } from "../../src/vote-feedback";

/** jsdom has no ResizeObserver; Radix's positioning asks for one. Layout is tested in Chromium. */
export function installResizeObserverStub(): void {
  if (typeof globalThis.ResizeObserver !== "undefined") return;
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

export interface WidgetOptions extends Partial<VoteFeedbackRootProps> {
  popover?: PopoverProps;
  reasons?: string[];
  extra?: ReactNode;
}

/** The widget as an app writes it: buttons, then the popover with textarea, reasons and a submit button. */
export function Widget({ popover, reasons, extra, session_id = "sess-1", ...rootProps }: WidgetOptions) {
  return (
    <VoteFeedback.Root session_id={session_id} {...rootProps}>
      <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
      <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
      <VoteFeedback.Popover {...popover}>
        {reasons?.map((reason) => <VoteFeedback.Reason key={reason} value={reason} />)}
        <VoteFeedback.Textarea />
        <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
      </VoteFeedback.Popover>
      {extra}
    </VoteFeedback.Root>
  );
}

/** A provider pointed at the local signal server. */
export function Provider({ children, ...props }: Partial<KeletProviderProps> & { children: ReactNode }) {
  return (
    <KeletProvider apiKey="pk_test" project="vote" {...props}>
      {children}
    </KeletProvider>
  );
}

/** A button by its aria-label (the parts carry default labels). */
export const byLabel = (label: string) => document.querySelector<HTMLButtonElement>(`[aria-label="${label}"]`)!;
export const upvote = () => byLabel("Upvote feedback");
export const downvote = () => byLabel("Downvote feedback");
