import { KEEPALIVE_BUDGET_BYTES, MAX_KEEPALIVE_REQUESTS } from "./constants";

/**
 * The room left for `keepalive` requests. One per page (held in the page-wide
 * registry): the browser's 64 KiB limit counts every keepalive request of the
 * document, whichever queue or build sent it.
 */
export interface KeepaliveBudget {
  /** Reserves room for a request of `bytes`; false when it would go over. */
  reserve(bytes: number): boolean;
  /** Gives back what {@link reserve} took, once the request has settled. */
  release(bytes: number): void;
  /** Whether a request of `bytes` would fit right now. */
  fits(bytes: number): boolean;
}

export function createKeepaliveBudget(): KeepaliveBudget {
  let bytesInFlight = 0;
  let requestsInFlight = 0;
  const fits = (bytes: number) => bytesInFlight + bytes <= KEEPALIVE_BUDGET_BYTES && requestsInFlight < MAX_KEEPALIVE_REQUESTS;
  return {
    fits,
    reserve(bytes) {
      if (!fits(bytes)) return false;
      bytesInFlight += bytes;
      requestsInFlight += 1;
      return true;
    },
    release(bytes) {
      bytesInFlight = Math.max(0, bytesInFlight - bytes);
      requestsInFlight = Math.max(0, requestsInFlight - 1);
    },
  };
}
