import { KEEPALIVE_BUDGET_BYTES, MAX_KEEPALIVE_REQUESTS } from "./constants";

/**
 * Reserves room for a `keepalive` request of `bytes`; returns the release
 * (call it once the request has settled; calling it again does nothing), or
 * `undefined` when the request would go over the page's budget.
 */
export type KeepaliveBudget = (bytes: number) => (() => void) | undefined;

/**
 * One per page (held in the page-wide registry): the browser's 64 KiB limit
 * counts every keepalive request of the document, whichever queue or build
 * sent it.
 */
export function createKeepaliveBudget(): KeepaliveBudget {
  let bytesInFlight = 0;
  let requestsInFlight = 0;
  return (bytes) => {
    if (bytesInFlight + bytes > KEEPALIVE_BUDGET_BYTES || requestsInFlight >= MAX_KEEPALIVE_REQUESTS) return;
    bytesInFlight += bytes;
    requestsInFlight++;
    let held = true;
    return () => {
      if (held) {
        bytesInFlight -= bytes;
        requestsInFlight--;
      }
      held = false;
    };
  };
}
