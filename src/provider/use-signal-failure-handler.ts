import { useContext } from "react";
import type { SignalErrorHandler } from "../core/report-failure";
import { ProviderInternalsContext } from "./provider-internals";

/** The nearest provider's failure handler (its `onError`, else its parent's, else the console); `undefined` outside any provider. */
export function useSignalFailureHandler(): SignalErrorHandler | undefined {
  return useContext(ProviderInternalsContext)?.reportFailure;
}
