import { useContext } from "react";
import { KeletContext, type KeletContextValue } from "./kelet-context";

/** The nearest provider's `{ api_key, project, feedback }`. Throws outside a `KeletProvider`. */
export function useKelet(): KeletContextValue {
  const context = useContext(KeletContext);
  if (!context) throw new Error("useKelet must be used within a KeletProvider");
  return context;
}
