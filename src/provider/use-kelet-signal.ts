import { useContext, useMemo } from "react";
import { logOnce } from "../core/console-once";
import { markSignalPlace, noProviderKey, placeOfSignal } from "../core/diagnostics";
import type { FeedbackFunction } from "../core/feedback-function";
import { KeletContext } from "./kelet-context";

/** Outside any provider: resolves, and warns once for each component or hook (`place`) that sends so. */
const sendNowhereFrom =
  (place: string): FeedbackFunction =>
  async () => {
    let message = "[kelet] A signal was sent outside any KeletProvider, so it went nowhere.";
    // Development names who sent it and adds the fix; a production bundle drops both.
    if (process.env.NODE_ENV !== "production")
      message = `[kelet] ${place} sent a signal outside any KeletProvider, so it went nowhere. Wrap your app in <KeletProvider apiKey="pk-kelet-..." project="...">.`;
    logOnce("warn", noProviderKey(place), message);
  };

/**
 * The nearest provider's `feedback`, as used by `place` (a component or hook):
 * development messages about its signals name it. Outside a provider it
 * resolves and warns once per place.
 */
export function useSignalFrom(place: string): FeedbackFunction {
  // The provider's is its client's `signal`, which takes a trace-only signal too; a test double gets what it is given.
  const feedback = useContext(KeletContext)?.feedback as FeedbackFunction | undefined;
  // Written out so a production bundle keeps only this line (the build's NODE_ENV never changes between renders).
  if (process.env.NODE_ENV === "production") return feedback ?? sendNowhereFrom(place);
  return useMemo(() => (feedback ? (data) => (markSignalPlace(data, place), feedback(data)) : sendNowhereFrom(place)), [feedback, place]);
}

/** Outside a provider, for signals sent through useKeletSignal: named by the adapter that made one (development), else useKeletSignal. */
const sendNowhereByHand: FeedbackFunction = (data) =>
  sendNowhereFrom((process.env.NODE_ENV !== "production" && placeOfSignal(data)) || "useKeletSignal")(data);

/**
 * The nearest provider's `feedback(data)` function, for sending signals by hand.
 * Outside a provider it returns a function that does nothing, resolves, and warns once.
 */
export function useKeletSignal(): FeedbackFunction {
  // The provider's own function (its development messages say useKeletSignal), as in 1.3.
  return (useContext(KeletContext)?.feedback as FeedbackFunction | undefined) ?? sendNowhereByHand;
}

/** Alias of {@link useKeletSignal}, kept from 1.3. */
export const useDefaultFeedbackHandler = useKeletSignal;
