// `@kelet-ai/feedback-ui/core`: the client without React. Re-exports only; nothing here may import React.
export { createKeletClient, type KeletClient, type KeletClientOptions } from "./client";
export { createSessionId, readSessionId, type SessionIdResponse } from "./session-id";
export { SignalKind, SignalSource, type FeedbackData, type SignalData, type TraceSignal } from "./signal";
export type { SignalErrorHandler } from "./report-failure";
export type { FetchLike, ResponseLike, SignalRequestInit } from "./signal-request";
export type { DomEventSnapshot } from "./dom-event-capture";
export { SignalValidationError, FeedbackSubmitError, KeletConfigError } from "./errors";
export { watchAnswer } from "./answer/watch-answer";
export type { AnswerWatch, AnswerWatchOptions } from "./answer/answer-watch";
export { onSignalEvent, type SignalEvent, type SignalEventStatus, type SignalEventListener } from "./delivery/signal-events";
