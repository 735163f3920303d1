import { useRef, useState, type CSSProperties, type RefObject } from "react";
import { useLayoutEffect as useIsomorphicLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { placedByInlineStyle, placedByStylesheet } from "./popover-placement";

/** A class measured once: a new className is measured again. */
interface Measurement {
  className: string;
  byApp: boolean;
}

/**
 * Whether the app places the popover itself: at once for an inline `position`
 * style; for a class, by measuring the rendered popover's computed `position`
 * in a layout effect, so a change of placement happens before the first paint.
 * `abandoned` is the element rendered before such a change: its focus events
 * (Radix's mount and unmount auto-focus) are not the user's.
 */
export function useAppPlacement(contentRef: RefObject<Element | null>, style: CSSProperties | undefined, className: string | undefined) {
  const [measurement, setMeasurement] = useState<Measurement | null>(null);
  const abandoned = useRef<Element | null>(null);
  const key = className ?? "";
  const byInlineStyle = placedByInlineStyle(style);
  const byApp = byInlineStyle || (measurement?.className === key && measurement.byApp);
  useIsomorphicLayoutEffect(() => {
    const element = contentRef.current;
    if (byInlineStyle || !element || measurement?.className === key) return;
    const measured = placedByStylesheet(element);
    if (measured !== byApp) abandoned.current = element;
    setMeasurement({ className: key, byApp: measured });
  });
  return { byApp, abandoned };
}
