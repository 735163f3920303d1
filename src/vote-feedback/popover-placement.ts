import type { CSSProperties } from "react";

/** The app placed the popover with an inline style (1.3 style: `position: absolute` in a `position: relative` wrapper). */
export function placedByInlineStyle(style: CSSProperties | undefined): boolean {
  return style?.position !== undefined && (style.position as string) !== "";
}

/** The popover's own stylesheet rules take it out of the flow: the app positions it. */
export function placedByStylesheet(element: Element): boolean {
  const { position } = getComputedStyle(element);
  return position === "absolute" || position === "fixed";
}
