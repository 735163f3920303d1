"use client";

/**
 * Thumbs up/down with an optional comment, built on @kelet-ai/feedback-ui's
 * headless VoteFeedback parts and styled with your shadcn/ui tokens. Named
 * KeletVoteFeedback so it sits beside the library's own VoteFeedback in one file.
 * Signals go to the nearest <KeletProvider> unless you pass onFeedback.
 *
 *   npx shadcn@latest add https://raw.githubusercontent.com/Kelet-ai/feedback-ui/main/registry/r/kelet-vote-feedback.json
 *
 *   <KeletProvider apiKey="pk-kelet-..." project="my-project">
 *     <KeletVoteFeedback sessionId={sessionId} />
 *   </KeletProvider>
 *
 * The popover's open animation uses tw-animate-css classes (set up by `shadcn init`).
 */
import { VoteFeedback, type FeedbackData } from "@kelet-ai/feedback-ui";
import { ThumbsDown, ThumbsUp } from "lucide-react";
import { cn } from "@/lib/utils";

export interface KeletVoteFeedbackProps {
  /** The id your server passed to agentic_session(session_id=...); see readSessionId(). */
  sessionId: string;
  /** Handle signals yourself instead of sending them through KeletProvider. */
  onFeedback?: (data: FeedbackData) => void | Promise<void>;
  /** The signal's trigger_name: what caused the vote. Default "user-vote", as the library's README recommends. */
  triggerName?: string;
  traceId?: string;
  metadata?: Record<string, unknown>;
  /** The comment box's placeholder. */
  placeholder?: string;
  /** Quick reasons offered in the comment popover, e.g. ["Wrong", "Too long"]. */
  reasons?: string[];
  /** Also ask for a comment after an upvote. */
  commentOnUpvote?: boolean;
  className?: string;
}

const voteButton = cn(
  "inline-flex size-8 items-center justify-center rounded-md text-muted-foreground transition-colors",
  "hover:bg-accent hover:text-accent-foreground",
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
  "disabled:pointer-events-none disabled:opacity-50",
  "data-[state=on]:bg-accent data-[state=on]:text-foreground",
);

export function KeletVoteFeedback({
  sessionId,
  onFeedback,
  triggerName = "user-vote",
  traceId,
  metadata,
  placeholder,
  reasons = [],
  commentOnUpvote = false,
  className,
}: KeletVoteFeedbackProps) {
  return (
    <VoteFeedback.Root
      session_id={sessionId}
      onFeedback={onFeedback}
      trigger_name={triggerName}
      trace_id={traceId}
      metadata={metadata}
      popoverOn={commentOnUpvote ? "both" : "downvote"}
    >
      <div className={cn("relative inline-flex items-center gap-1", className)}>
        <VoteFeedback.UpvoteButton className={voteButton}>
          <ThumbsUp className="size-4" aria-hidden />
        </VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton className={voteButton}>
          <ThumbsDown className="size-4" aria-hidden />
        </VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover
          className={cn(
            "z-50 grid w-72 gap-2 rounded-md border bg-popover p-3 text-popover-foreground shadow-md outline-none",
            "data-[state=open]:animate-in data-[state=open]:fade-in-0 data-[state=open]:zoom-in-95",
            "motion-reduce:animate-none",
          )}
        >
          {reasons.length > 0 && (
            <div className="flex flex-wrap gap-1.5">
              {reasons.map((reason) => (
                <VoteFeedback.Reason
                  key={reason}
                  value={reason}
                  className={cn(
                    "rounded-full border px-2.5 py-0.5 text-xs text-muted-foreground transition-colors",
                    "hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    "data-[state=on]:border-primary data-[state=on]:bg-primary data-[state=on]:text-primary-foreground",
                  )}
                />
              ))}
            </div>
          )}
          <VoteFeedback.Textarea
            placeholder={placeholder}
            className={cn(
              "min-h-16 w-full resize-y rounded-md border border-input bg-transparent px-3 py-2 text-sm shadow-xs",
              "placeholder:text-muted-foreground",
              "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
            )}
          />
          <VoteFeedback.SubmitButton
            className={cn(
              "inline-flex h-8 items-center justify-center justify-self-end rounded-md bg-primary px-3 text-sm font-medium text-primary-foreground",
              "hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2",
              "disabled:pointer-events-none disabled:opacity-50",
            )}
          >
            Send
          </VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </div>
    </VoteFeedback.Root>
  );
}
