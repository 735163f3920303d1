export { useKeletFeedbackAdapter } from "./use-kelet-feedback-adapter";
export { sessionIdFromMessage } from "./session-from-message";
export type { FeedbackMessage, FeedbackSubmission, KeletFeedbackAdapter, KeletFeedbackAdapterOptions } from "./types";
export { useKeletThreadSignals } from "./use-kelet-thread-signals";
export type { KeletThreadSignalsOptions, ThreadRuntimeLike } from "./use-kelet-thread-signals";
export type { ThreadMessageLike, ThreadStateLike } from "./thread-changes";
