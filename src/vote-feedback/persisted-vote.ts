import type { Vote } from "./state-machine";

/** How many remembered votes one browser keeps; the oldest are forgotten first. */
export const MAX_PERSISTED_VOTES = 200;

const KEY_PREFIX = "kelet:vote:";
/** The remembered keys, oldest first, so the store stays bounded. */
const INDEX_KEY = "kelet:vote-index";

/** Where a vote is remembered: per trigger and session (the trigger encoded, so a `:` in it cannot collide). */
export function persistedVoteKey(triggerName: string | undefined, sessionId: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(triggerName ?? "")}:${sessionId}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage disabled by the browser: a getter that throws.
    return null;
  }
}

const listeners = new Set<() => void>();

/** The remembered vote under `key`, or null (nothing stored, storage unavailable, or a value we did not write). */
export function readPersistedVote(key: string): Vote {
  try {
    const value = storage()?.getItem(key);
    return value === "upvote" || value === "downvote" ? value : null;
  } catch {
    return null;
  }
}

/** Remembers a vote; storage errors (quota, private mode) are swallowed: the vote is then only shown, not kept. */
export function writePersistedVote(key: string, vote: Exclude<Vote, null>): void {
  const store = storage();
  if (!store) return;
  try {
    let index: string[] = [];
    try {
      const parsed: unknown = JSON.parse(store.getItem(INDEX_KEY) ?? "[]");
      if (Array.isArray(parsed)) index = parsed.filter((entry): entry is string => typeof entry === "string");
    } catch {
      index = [];
    }
    index = index.filter((entry) => entry !== key);
    index.push(key);
    while (index.length > MAX_PERSISTED_VOTES) store.removeItem(index.shift()!);
    store.setItem(key, vote);
    store.setItem(INDEX_KEY, JSON.stringify(index));
  } catch {
    // Quota exceeded or storage refused: nothing to do.
  }
  for (const listener of listeners) listener();
}

/** Told when a remembered vote may have changed: in this tab, or in another one (the `storage` event). */
export function subscribeToPersistedVotes(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(KEY_PREFIX)) listener();
  };
  if (typeof window !== "undefined") window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== "undefined") window.removeEventListener("storage", onStorage);
  };
}
