import { KEEPALIVE_BUDGET_BYTES, MAX_KEEPALIVE_REQUESTS } from "./constants";

// One budget per page: the browser's 64 KiB limit counts every keepalive request of the document.
let bytesInFlight = 0;
let requestsInFlight = 0;

/** Reserves room for a keepalive request of `bytes`; false when it would go over the page's budget. */
export function reserveKeepalive(bytes: number): boolean {
  if (bytesInFlight + bytes > KEEPALIVE_BUDGET_BYTES || requestsInFlight >= MAX_KEEPALIVE_REQUESTS) return false;
  bytesInFlight += bytes;
  requestsInFlight += 1;
  return true;
}

/** Gives back what {@link reserveKeepalive} took, once the request has settled. */
export function releaseKeepalive(bytes: number): void {
  bytesInFlight = Math.max(0, bytesInFlight - bytes);
  requestsInFlight = Math.max(0, requestsInFlight - 1);
}

/** Whether a keepalive request of `bytes` would fit right now. */
export function keepaliveFits(bytes: number): boolean {
  return bytesInFlight + bytes <= KEEPALIVE_BUDGET_BYTES && requestsInFlight < MAX_KEEPALIVE_REQUESTS;
}
