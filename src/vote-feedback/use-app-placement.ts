import { useRef, useState, type CSSProperties, type RefObject } from "react";
import { useLayoutEffect as useIsomorphicLayoutEffect } from "@radix-ui/react-use-layout-effect";

/**
 * Whether the app places the popover itself (1.3 style: `position: absolute` in
 * a `position: relative` wrapper): at once for an inline `position` style; for
 * a class, by measuring the rendered popover's computed `position` in a layout
 * effect, so a change of placement happens before the first paint (a new
 * className is measured again). `abandoned` is the element rendered before such
 * a change: its focus events (Radix's mount and unmount auto-focus) are not the user's.
 */
export function useAppPlacement(contentRef: RefObject<Element | null>, style: CSSProperties | undefined, className = "") {
  const [measured, setMeasured] = useState<[className: string, byApp: boolean]>();
  const abandoned = useRef<Element | null>(null);
  const byInlineStyle = !!style?.position;
  const byApp = byInlineStyle || (measured?.[0] === className && measured[1]);
  useIsomorphicLayoutEffect(() => {
    const element = contentRef.current;
    if (byInlineStyle || !element || measured?.[0] === className) return;
    const placed = /^(absolute|fixed)$/.test(getComputedStyle(element).position);
    if (placed !== byApp) abandoned.current = element;
    setMeasured([className, placed]);
  });
  return { byApp, abandoned };
}
