import { useContext } from "react";
import { reportSignalFailure, type SignalErrorHandler } from "../core/report-failure";
import { ProviderInternalsContext } from "./provider-internals";

/** The nearest provider's failure handler (its `onError`, else its parent's, else the console); the console outside any provider. */
export function useSignalFailureHandler(): SignalErrorHandler {
  return useContext(ProviderInternalsContext)?.reportFailure ?? reportSignalFailure; // the console (development: every failure; production: the first)
}
