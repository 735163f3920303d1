import { useContext, useMemo } from "react";
import { logOnce } from "../core/console-once";
import { markSignalPlace, noProviderKey, placeOfSignal } from "../core/diagnostics";
import type { FeedbackFunction } from "../core/feedback-function";
import { KeletContext } from "./kelet-context";

const nowhere = new Map<string, FeedbackFunction>();

/** Outside any provider: resolves, and warns once for each component or hook (`place`) that sends so. One function per place. */
function sendNowhereFrom(place: string): FeedbackFunction {
  let send = nowhere.get(place);
  if (!send) {
    send = async () => {
      let message = `[kelet] ${place} sent a signal outside any KeletProvider, so it went nowhere.`;
      // Development adds the fix; a production bundle drops it.
      if (process.env.NODE_ENV !== "production") message += ' Wrap your app in <KeletProvider apiKey="pk-kelet-..." project="...">.';
      logOnce("warn", noProviderKey(place), message);
    };
    nowhere.set(place, send);
  }
  return send;
}

/**
 * The nearest provider's `feedback`, as used by `place` (a component, hook or
 * adapter): development messages about its signals name it. Stable while the
 * provider is. Outside a provider it resolves and warns once per place.
 */
export function useSignalFrom(place: string): FeedbackFunction {
  // The provider's is its client's `signal`, which takes a trace-only signal too; a test double gets what it is given.
  const feedback = useContext(KeletContext)?.feedback as FeedbackFunction | undefined;
  return useMemo(() => {
    if (!feedback) return sendNowhereFrom(place);
    // Written out so a production bundle hands out the provider's function as it is.
    if (process.env.NODE_ENV === "production") return feedback;
    return (data) => {
      markSignalPlace(data, place);
      return feedback(data);
    };
  }, [feedback, place]);
}

/**
 * The nearest provider's `feedback(data)` function, for sending signals by hand.
 * Outside a provider it returns a function that does nothing, resolves, and warns once.
 */
export function useKeletSignal(): FeedbackFunction {
  // The provider's own function (its development messages say useKeletSignal), as in 1.3.
  return (useContext(KeletContext)?.feedback as FeedbackFunction | undefined) ?? sendNowhereByHand;
}

/** Outside a provider, for signals sent through useKeletSignal: named by the adapter that made one (development), else useKeletSignal. */
const sendNowhereByHand: FeedbackFunction = (data) => sendNowhereFrom(placeOfSignal(data) ?? "useKeletSignal")(data);

/** Alias of {@link useKeletSignal}, kept from 1.3. */
export const useDefaultFeedbackHandler = useKeletSignal;
