export { KeletProvider, type KeletProviderProps } from "./provider/KeletProvider";
export { KeletContext, type KeletContextValue } from "./provider/KeletContext";
export { useKelet } from "./provider/useKelet";
export { useKeletSignal, useDefaultFeedbackHandler } from "./provider/useKeletSignal";
export type { FeedbackData, SignalKind, SignalSource } from "./core/signal";
export type { FeedbackFunction } from "./core/feedback-function";
export type { SignalErrorHandler } from "./core/report-failure";
export type { FetchLike, ResponseLike, SignalRequestInit } from "./core/signal-request";
export type { DomEventSnapshot } from "./core/dom-event-capture";
export { SignalValidationError, FeedbackSubmitError, KeletConfigError } from "./core/errors";
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
