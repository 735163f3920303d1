import { useSyncExternalStore } from "react";
import { readPersistedVote, subscribeToPersistedVotes } from "./persisted-vote";
import type { Vote } from "./state-machine";

const noSubscription = () => () => {};

/**
 * The vote remembered under `key` (null without a key). The server render and
 * hydration see no vote, so the markup matches; the client shows the
 * remembered one right after, before paint.
 */
export function usePersistedVote(key: string | null): Vote {
  return useSyncExternalStore(
    key === null ? noSubscription : subscribeToPersistedVotes,
    () => (key === null ? null : readPersistedVote(key)),
    () => null,
  );
}
