export { KeletProvider, type KeletProviderProps } from "./provider/kelet-provider";
export { KeletContext, type KeletContextValue } from "./provider/kelet-context";
export { useKelet } from "./provider/use-kelet";
export { useKeletSignal, useDefaultFeedbackHandler } from "./provider/use-kelet-signal";
export type { FeedbackData, SignalData, TraceSignal } from "./core/signal";
// Values and types both, as in Kelet's TypeScript server SDK: `SignalKind.EVENT === "event"`.
export { SignalKind, SignalSource } from "./core/signal";
export type { FeedbackFunction } from "./core/feedback-function";
export type { SignalErrorHandler } from "./core/report-failure";
export type { FetchLike, ResponseLike, SignalRequestInit } from "./core/signal-request";
export type { DomEventSnapshot } from "./core/dom-event-capture";
export { SignalValidationError, FeedbackSubmitError, KeletConfigError } from "./core/errors";
export { createSessionId, readSessionId, type SessionIdResponse } from "./core/session-id";
export { onSignalEvent, type SignalEvent, type SignalEventStatus, type SignalEventListener } from "./core/delivery/signal-events";
export { VoteFeedback } from "./vote-feedback";
export type {
  VoteFeedbackRootProps,
  UpvoteButtonProps,
  DownvoteButtonProps,
  PopoverProps,
  TextareaProps,
  SubmitButtonProps,
  ReasonProps,
  VoteButtonState,
  Vote,
} from "./vote-feedback";
// Each part under its own name too: a Next.js server component cannot dot into a client module
// (`<VoteFeedback.Root>` there is undefined), but it can render these.
export {
  Root as VoteFeedbackRoot,
  UpvoteButton as VoteFeedbackUpvoteButton,
  DownvoteButton as VoteFeedbackDownvoteButton,
  Popover as VoteFeedbackPopover,
  Textarea as VoteFeedbackTextarea,
  SubmitButton as VoteFeedbackSubmitButton,
  Reason as VoteFeedbackReason,
} from "./vote-feedback";
export { useFeedbackState, useFeedbackReducer } from "./feedback-state";
export type {
  FeedbackStateOptions,
  DiffType,
  FeedbackStateSetter,
  FeedbackStateReturn,
  FeedbackDispatch,
  FeedbackReducerReturn,
  FeedbackHandler,
} from "./feedback-state";
export { useAnswerSignals, type AnswerSignals, type AnswerSignalsOptions } from "./answer-signals";
