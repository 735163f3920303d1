// `@kelet-ai/feedback-ui/testing`: helpers for an app's own tests. Nothing here is part of the app's bundle.
export { createTestInbox, type TestInbox, type TestInboxOptions, type TestInboxAnswer, type SentSignal, type SignalMatch } from "./create-test-inbox";
