export { useFeedbackState } from "./use-feedback-state";
export { useFeedbackReducer } from "./use-feedback-reducer";
export type {
  DiffType,
  FeedbackDispatch,
  FeedbackHandler,
  FeedbackReducerReturn,
  FeedbackStateOptions,
  FeedbackStateReturn,
  FeedbackStateSetter,
} from "./types";
