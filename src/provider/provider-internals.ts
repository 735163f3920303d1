import { createContext } from "react";
import type { DormantClient } from "../core/dormant-client";

/**
 * What a `KeletProvider` passes down besides the public context: its client,
 * whose setup (settings after inheritance, failure handler, transport,
 * `captureEvents`, `persist`) nested providers inherit and the library's own
 * parts use. Never exported from the package, so apps cannot come to depend on it.
 */
export type ProviderInternals = DormantClient;

export const ProviderInternalsContext = createContext<ProviderInternals | null>(null);
