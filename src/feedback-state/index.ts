export { useFeedbackState } from "./useFeedbackState";
export { useFeedbackReducer } from "./useFeedbackReducer";
export type {
  DiffType,
  FeedbackDispatch,
  FeedbackHandler,
  FeedbackReducerReturn,
  FeedbackStateOptions,
  FeedbackStateReturn,
  FeedbackStateSetter,
} from "./types";
