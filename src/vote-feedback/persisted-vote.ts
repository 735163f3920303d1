import type { Vote, VoteKind } from "./state-machine";

/** How many remembered votes one browser keeps; the oldest are forgotten first. */
export const MAX_PERSISTED_VOTES = 200;

const KEY_PREFIX = "kelet:vote:";
/** The remembered keys, oldest first, so the store stays bounded. */
const INDEX_KEY = "kelet:vote-index";

const listeners = new Set<() => void>();
/**
 * Votes given on this page that storage failed to keep (full, disabled): what
 * the user just did wins over what storage still remembers. Bounded like storage.
 */
const unsaved = new Map<string, VoteKind>();

/** Where a vote is remembered: per trigger and session (the trigger encoded, so a `:` in it cannot collide). */
export const persistedVoteKey = (triggerName: string | undefined, sessionId: string): string =>
  `${KEY_PREFIX}${encodeURIComponent(triggerName ?? "")}:${sessionId}`;

// Storage may be missing (a server), disabled (a getter that throws), full or hold what we did not
// write: every access is guarded, and a failure only means the vote is shown, not kept.

/** The remembered vote under `key`, or null. */
export function readPersistedVote(key: string): Vote {
  const given = unsaved.get(key);
  if (given) return given;
  try {
    const value = localStorage.getItem(key);
    return value === "upvote" || value === "downvote" ? value : null;
  } catch {
    return null;
  }
}

/**
 * Remembers a vote, forgetting the oldest past {@link MAX_PERSISTED_VOTES}.
 * When storage cannot keep it, this page still shows it (and never sends it
 * again), and no other remembered vote is forgotten.
 */
export function writePersistedVote(key: string, vote: VoteKind): void {
  unsaved.delete(key);
  try {
    // The vote first: a write that fails has forgotten nothing else.
    localStorage.setItem(key, vote);
  } catch {
    unsaved.set(key, vote);
    if (unsaved.size > MAX_PERSISTED_VOTES) unsaved.delete(unsaved.keys().next().value!);
  }
  if (!unsaved.has(key)) {
    try {
      let index: unknown;
      try {
        index = JSON.parse(localStorage.getItem(INDEX_KEY) ?? "[]");
      } catch {
        // A broken index is started again; the votes under it stay readable.
      }
      const kept = (Array.isArray(index) ? index : []).filter((entry): entry is string => typeof entry === "string" && entry !== key);
      kept.push(key);
      while (kept.length > MAX_PERSISTED_VOTES) localStorage.removeItem(kept.shift()!);
      localStorage.setItem(INDEX_KEY, JSON.stringify(kept));
    } catch {
      // The vote is kept; only the bound on how many is not.
    }
  }
  for (const listener of listeners) listener();
}

/** Told when a remembered vote may have changed: in this tab, or in another one (the `storage` event). */
export function subscribeToPersistedVotes(listener: () => void): () => void {
  // `key` is null when the other tab cleared its storage. A vote given there is newer than one this tab failed to keep.
  const onStorage = ({ key }: StorageEvent) => {
    if (key && !key.startsWith(KEY_PREFIX)) return;
    if (key) unsaved.delete(key);
    else unsaved.clear();
    listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}
