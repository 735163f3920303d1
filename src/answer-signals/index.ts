export { useAnswerSignals, type AnswerSignals, type AnswerSignalsOptions } from "./use-answer-signals";
