import type { CSSProperties, ReactNode } from "react";
import { KeletProvider } from "../../src/provider/kelet-provider";
import type { FeedbackData } from "../../src/core/signal";

/** Stories send nothing: every signal is logged to the browser console instead. */
export const logSignal = (data: FeedbackData) => {
  console.info("[story] signal", data);
};

/** A provider that never sends (for stories that rely on the provider rather than onFeedback). */
export function StoryProvider({ children }: { children: ReactNode }) {
  return (
    <KeletProvider apiKey="pk_storybook" project="storybook" disabled debug>
      {children}
    </KeletProvider>
  );
}

export const styles: Record<string, CSSProperties> = {
  answer: { maxWidth: 520, padding: 16, border: "1px solid #e4e7ec", borderRadius: 12, font: "15px/1.5 system-ui, sans-serif" },
  votes: { display: "flex", gap: 8, marginTop: 8 },
  vote: { border: "1px solid #d0d5dd", background: "white", borderRadius: 8, padding: "4px 10px", cursor: "pointer" },
  popover: { width: 300, display: "grid", gap: 8, padding: 12, background: "white", border: "1px solid #d0d5dd", borderRadius: 12, boxShadow: "0 8px 24px rgba(0,0,0,.12)" },
  reason: { border: "1px solid #d0d5dd", borderRadius: 999, background: "white", padding: "2px 10px", fontSize: 13 },
};
