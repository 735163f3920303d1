import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { KeletProvider, type KeletProviderProps } from "../../src/provider/kelet-provider";
import type { KeletContextValue } from "../../src/provider/kelet-context";
import { useKelet } from "../../src/provider/use-kelet";

/** Renders `tree` (default: a provider with `props`) and returns what `useKelet()` sees at the marked spot. */
export function captureContext(props: KeletProviderProps, wrap?: (probe: ReactNode) => ReactNode) {
  const seen: { current: KeletContextValue | null } = { current: null };
  function Probe() {
    seen.current = useKelet();
    return null;
  }
  const view = render(wrap ? <>{wrap(<Probe />)}</> : <KeletProvider {...props}><Probe /></KeletProvider>);
  if (!seen.current) throw new Error("probe did not render");
  return { context: seen.current as KeletContextValue, view };
}
