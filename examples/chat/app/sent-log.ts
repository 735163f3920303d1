import type { FetchLike } from "@kelet-ai/feedback-ui";

/** One signal this page posted to a real Kelet API, and how it answered. */
export interface SentEntry {
  id: number;
  sentAt: string;
  project: string;
  status: number | "network error" | "pending";
  body: Record<string, unknown>;
}

/** Wraps `fetch` so the page can list what it sent when signals go to a real API. */
export function createSentLog() {
  let entries: SentEntry[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const update = (next: SentEntry[]) => {
    entries = next;
    listeners.forEach((listener) => listener());
  };
  const fetch: FetchLike = async (url, init) => {
    const entry: SentEntry = {
      id: nextId++,
      sentAt: new Date().toISOString(),
      project: decodeURIComponent(/\/api\/projects\/([^/]+)\/signal$/.exec(url)?.[1] ?? ""),
      status: "pending",
      body: JSON.parse(init.body) as Record<string, unknown>,
    };
    update([...entries, entry]);
    const settle = (status: SentEntry["status"]) => update(entries.map((each) => (each.id === entry.id ? { ...each, status } : each)));
    try {
      const response = await globalThis.fetch(url, init);
      settle(response.status);
      return response;
    } catch (error) {
      settle("network error");
      throw error;
    }
  };
  return {
    fetch,
    entries: () => entries,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type SentLog = ReturnType<typeof createSentLog>;
