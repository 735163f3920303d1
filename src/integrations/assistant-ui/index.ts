export { useKeletFeedbackAdapter } from "./use-kelet-feedback-adapter";
export { sessionIdFromMessage } from "./session-from-message";
export type { FeedbackMessage, FeedbackSubmission, KeletFeedbackAdapter, KeletFeedbackAdapterOptions } from "./types";
