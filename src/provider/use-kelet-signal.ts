import { useContext } from "react";
import { logOnce } from "../core/console-once";
import type { FeedbackFunction } from "../core/feedback-function";
import { KeletContext } from "./kelet-context";

const sendNowhere: FeedbackFunction = async () => {
  let message = "[kelet] A signal was sent outside any KeletProvider, so it went nowhere.";
  // Development adds the fix; a production bundle drops it.
  if (process.env.NODE_ENV !== "production") message += ' Wrap your app in <KeletProvider apiKey="pk-kelet-..." project="...">.';
  logOnce("warn", "kelet:no-provider-signal", message);
};

/**
 * The nearest provider's `feedback(data)` function, for sending signals by hand.
 * Outside a provider it returns a function that does nothing, resolves, and warns once.
 */
export function useKeletSignal(): FeedbackFunction {
  // The provider's is its client's `signal`, which takes a trace-only signal too; a test double gets what it is given.
  return (useContext(KeletContext)?.feedback as FeedbackFunction | undefined) ?? sendNowhere;
}

/** Alias of {@link useKeletSignal}, kept from 1.3. */
export const useDefaultFeedbackHandler = useKeletSignal;
