import { useContext, useEffect, useRef } from "react";
import { checkSessionId, reportNoSignalDestination, reportUnstableSessionId, UNSTABLE_SESSION_ID_RENDERS } from "../core/diagnostics";
import { KeletContext } from "./kelet-context";

/**
 * In development, warns once when `partName` has neither its own
 * `onFeedback` nor a `KeletProvider` above it: its signals would go nowhere.
 */
export function useSignalDestinationCheck(hasOwnHandler: boolean, partName: string): void {
  // Written out so a production bundle drops the hooks too; the build's NODE_ENV never changes between renders.
  if (process.env.NODE_ENV === "production") return;
  const hasProvider = useContext(KeletContext) !== null;
  useEffect(() => {
    if (!hasOwnHandler && !hasProvider) reportNoSignalDestination(partName);
  }, [hasOwnHandler, hasProvider, partName]);
}

/**
 * In development, warns once about a `session_id` that is empty or a
 * placeholder, and about one that is new on each of
 * {@link UNSTABLE_SESSION_ID_RENDERS} consecutive renders (created during
 * render). A function `session_id` is evaluated later, so only strings are checked.
 */
export function useSessionIdCheck(sessionId: unknown, partName: string): void {
  if (process.env.NODE_ENV === "production") return;
  const previous = useRef<{ id: unknown; changedRenders: number } | null>(null);
  // Counted on commits, so StrictMode's double render of one update counts once.
  useEffect(() => {
    // Written out (not a helper call) so app bundlers drop this from production builds (see core/diagnostics.ts).
    if (process.env.NODE_ENV === "production") return;
    if (typeof sessionId !== "string") return;
    checkSessionId(sessionId, partName);
    const last = previous.current;
    const changedRenders = last === null ? 0 : last.id !== sessionId ? last.changedRenders + 1 : 0;
    previous.current = { id: sessionId, changedRenders };
    if (changedRenders >= UNSTABLE_SESSION_ID_RENDERS) reportUnstableSessionId(partName, changedRenders);
  });
}
