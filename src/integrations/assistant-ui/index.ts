export { useKeletFeedbackAdapter } from "./useKeletFeedbackAdapter";
export { sessionIdFromMessage } from "./session-from-message";
export type { FeedbackMessage, FeedbackSubmission, KeletFeedbackAdapter, KeletFeedbackAdapterOptions } from "./types";
