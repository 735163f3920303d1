import type { CSSProperties } from "react";

/** Hidden on screen, read by screen readers (the rules of Radix's VisuallyHidden). */
export const VISUALLY_HIDDEN_STYLE: CSSProperties = {
  position: "absolute",
  border: 0,
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  wordWrap: "normal",
};
