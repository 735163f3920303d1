import { useMemo, useState } from "react";
import { useAnswerSignals } from "@kelet-ai/feedback-ui";

/**
 * One AI answer's text, heard by `useAnswerSignals`: a copy of its text
 * (keyboard, context menu, or the Copy button) is `user-copy`; leaving the
 * page or starting a new conversation while it streams is `user-abandon`.
 * Both show up in the inbox.
 */
export function AssistantAnswer({ sessionId, answerId, text, streaming }: { sessionId: string; answerId: number; text: string; streaming: boolean }) {
  const metadata = useMemo(() => ({ answer_id: answerId, surface: "chat" }), [answerId]);
  const { ref, reportCopy } = useAnswerSignals({ session_id: sessionId, streaming, metadata });
  const [copied, setCopied] = useState(false);
  const copy = () => {
    // navigator.clipboard is invisible to the page: the button says what it copied.
    void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => undefined);
    reportCopy(text);
  };
  return (
    <div ref={ref} className="answer-body">
      <p>{text || "…"}</p>
      {!streaming && text ? (
        <button type="button" className="copy-button" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      ) : null}
    </div>
  );
}
