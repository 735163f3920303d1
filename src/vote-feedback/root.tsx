import { useSessionIdCheck, useSignalDestinationCheck } from "../provider/diagnostics-hooks";
import { ReasonsContext, StateContext, TextContext } from "./context";
import { useVoteFeedbackRoot, type VoteFeedbackRootProps } from "./use-vote-feedback-root";

export type { VoteFeedbackRootProps };

/**
 * Holds one answer's vote, the comment popover's state and text, and sends
 * the signals. Renders no element of its own.
 */
export function Root(props: VoteFeedbackRootProps) {
  const { state, text, reasons } = useVoteFeedbackRoot(props);
  // Development only: signals that go nowhere, placeholder or per-render session ids.
  useSignalDestinationCheck(props.onFeedback !== undefined, "VoteFeedback.Root");
  useSessionIdCheck(props.session_id, "VoteFeedback.Root");
  return (
    <StateContext.Provider value={state}>
      <TextContext.Provider value={text}>
        <ReasonsContext.Provider value={reasons}>
          {/* Radix's popover machinery lives in VoteFeedback.Popover and mounts when it first opens. */}
          {props.children}
        </ReasonsContext.Provider>
      </TextContext.Provider>
    </StateContext.Provider>
  );
}
Root.displayName = "VoteFeedback.Root";
