import { useContext } from "react";
import { reportSignalFailure, type SignalErrorHandler } from "../core/report-failure";
import { ProviderInternalsContext } from "./provider-internals";

/** Where a failure goes outside any provider: the console (development: every one; production: the first). */
export const reportFailureToConsole: SignalErrorHandler = reportSignalFailure;

/** The nearest provider's failure handler (its `onError`, else its parent's, else the console); the console outside any provider. */
export function useSignalFailureHandler(): SignalErrorHandler {
  return useContext(ProviderInternalsContext)?.reportFailure ?? reportFailureToConsole;
}
