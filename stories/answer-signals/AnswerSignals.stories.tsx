import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { useAnswerSignals } from "@kelet-ai/feedback-ui";
import { inboxFor } from "../../.storybook/story-inbox";
import "../patterns/patterns.css";

const ANSWER = "To reset your password, open Settings, choose Security, then press Reset password. A link arrives by email within a minute.";

/** Streams `ANSWER` word by word, `wordMs` apart; `restart()` streams it again (a retry). */
function useStreamedAnswer(wordMs: number) {
  const [round, setRound] = useState(1);
  const [words, setWords] = useState(0);
  const total = ANSWER.split(" ").length;
  useEffect(() => {
    if (words >= total) return;
    const timer = setTimeout(() => setWords((count) => count + 1), wordMs);
    return () => clearTimeout(timer);
  }, [words, total, wordMs]);
  return {
    text: ANSWER.split(" ").slice(0, words).join(" "),
    streaming: words < total,
    round,
    restart: () => {
      setRound((n) => n + 1);
      setWords(0);
    },
  };
}

function Answer({ wordMs }: { wordMs: number }) {
  const answer = useStreamedAnswer(wordMs);
  // A new round is a new answer: the retry and copy of the last one stay with it.
  const { ref, reportCopy, reportRetry } = useAnswerSignals({ session_id: `sess_answer_${answer.round}`, streaming: answer.streaming });
  return (
    <article className="answer" aria-label="Answer">
      <div ref={ref}>
        <p>{answer.text || "…"}</p>
      </div>
      <p>
        <small>{answer.streaming ? "Streaming…" : "Finished"}</small>
      </p>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(answer.text).catch(() => undefined);
          reportCopy(answer.text);
        }}
      >
        Copy
      </button>{" "}
      <button
        type="button"
        onClick={() => {
          reportRetry();
          answer.restart();
        }}
      >
        Try again
      </button>
    </article>
  );
}

/**
 * What a user does with an answer, heard by `useAnswerSignals`: select and
 * copy its text (or press Copy) for `user-copy`; press Try again for
 * `user-retry`; close the answer while it streams for `user-abandon`.
 * Closing it once it finished sends nothing.
 */
function AnswerPanel({ wordMs }: { wordMs: number }) {
  const [open, setOpen] = useState(true);
  return (
    <div style={{ fontFamily: "system-ui", maxWidth: 480, display: "grid", gap: 12 }}>
      <button type="button" onClick={() => setOpen((value) => !value)}>
        {open ? "Close the answer" : "Open a new answer"}
      </button>
      {open ? <Answer wordMs={wordMs} /> : null}
    </div>
  );
}

const meta = {
  title: "Hooks/useAnswerSignals",
  component: AnswerPanel,
  args: { wordMs: 120 },
  parameters: { kelet: { showSignals: true } },
} satisfies Meta<typeof AnswerPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Copy, try again, or close the answer while it streams: each shows up below as it would reach Kelet. */
export const Default: Story = {};

/** Two presses of Copy and two of Try again: one `user-copy`, one `user-retry`. */
export const EachOncePerAnswer: Story = {
  args: { wordMs: 1 },
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("Finished", {}, { timeout: 5000 });
    await userEvent.click(canvas.getByRole("button", { name: "Copy" }));
    await userEvent.click(canvas.getByRole("button", { name: "Copy" }));
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(1));
    expect(inbox.signals[0]!.body).toMatchObject({ session_id: "sess_answer_1", kind: "event", trigger_name: "user-copy", score: 1 });
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(inbox.signals).toHaveLength(2));
    expect(inbox.signals[1]!.body).toMatchObject({ session_id: "sess_answer_1", trigger_name: "user-retry", score: 0 });
  },
};

/** Closing the answer while it streams is `user-abandon`. */
export const ClosedWhileStreaming: Story = {
  args: { wordMs: 400 },
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("Streaming…");
    await userEvent.click(canvas.getByRole("button", { name: "Close the answer" }));
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(1));
    expect(inbox.signals[0]!.body).toMatchObject({ session_id: "sess_answer_1", trigger_name: "user-abandon", score: 0 });
  },
};
