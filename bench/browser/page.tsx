/**
 * The page `npm run bench:browser` loads, bundled for production: N answers in
 * one of three variants, and `window.bench` to mount, unmount and count what
 * React did. Variants: two plain buttons per answer; a plain React popover
 * toggled by state; the README's quick-start VoteFeedback inside one provider.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { KeletProvider, VoteFeedback } from "@kelet-ai/feedback-ui";
import { renderCounter } from "./render-counter";

export type Variant = "plain" | "popover" | "vote";

function PlainButtons() {
  return (
    <div className="votes">
      <button type="button" className="vote">👍</button>
      <button type="button" className="vote" data-bench="down">👎</button>
    </div>
  );
}

/** What an app writes without the library: a state flag, a textarea shown beside the buttons. */
function PlainPopover() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) textarea.current?.focus();
  }, [open]);
  return (
    <div className="votes">
      <button type="button" className="vote">👍</button>
      <button type="button" className="vote" data-bench="down" aria-expanded={open} onClick={() => setOpen(!open)}>👎</button>
      {open && (
        <div role="dialog" className="feedback-popover plain-popover">
          <textarea ref={textarea} value={text} onChange={(event) => setText(event.target.value)} />
          <button type="button" data-bench="submit" onClick={() => (setOpen(false), setText(""))}>Send</button>
        </div>
      )}
    </div>
  );
}

/** The README's quick start, as written (plus a data attribute the bench clicks by). */
function AnswerFeedback({ sessionId }: { sessionId: string }) {
  return (
    <VoteFeedback.Root session_id={sessionId} trigger_name="user-vote">
      <VoteFeedback.UpvoteButton className="vote">👍</VoteFeedback.UpvoteButton>
      <VoteFeedback.DownvoteButton className="vote" data-bench="down">👎</VoteFeedback.DownvoteButton>
      <VoteFeedback.Popover className="feedback-popover">
        <VoteFeedback.Textarea />
        <VoteFeedback.SubmitButton data-bench="submit">Send</VoteFeedback.SubmitButton>
      </VoteFeedback.Popover>
    </VoteFeedback.Root>
  );
}

const accepted = () => Promise.resolve(new Response(null, { status: 202 }));

function Answers({ variant, count }: { variant: Variant; count: number }) {
  const answers: ReactNode[] = [];
  for (let index = 0; index < count; index++) {
    answers.push(
      <div className="answer" key={index}>
        <p>Answer {index}: Canberra is the capital of Australia.</p>
        {variant === "plain" ? <PlainButtons /> : variant === "popover" ? <PlainPopover /> : <AnswerFeedback sessionId={`session-${index}`} />}
      </div>,
    );
  }
  const list = <div id="answers">{answers}</div>;
  return variant === "vote" ? (
    <KeletProvider apiKey="pk-kelet-bench" project="bench" fetch={accepted} captureEvents={false} persist={false}>
      {list}
    </KeletProvider>
  ) : (
    list
  );
}

let root: Root | undefined;

/** Measures from an input event to the frame after its work: the next animation frame, then a task. */
function afterNextPaint(from: number): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - from))));
}

const bench = {
  /** Mounts synchronously; the time covers render, commit, effects and any follow-up sync commit. */
  mount(variant: Variant, count: number) {
    root ??= createRoot(document.getElementById("root")!);
    renderCounter.reset();
    // Commits are counted by the DevTools hook: <Profiler> reports nothing in production builds.
    const tree = <Answers variant={variant} count={count} />;
    const start = performance.now();
    flushSync(() => root!.render(tree));
    return { ms: performance.now() - start, commits: renderCounter.commits, renders: renderCounter.total };
  },
  unmount() {
    const start = performance.now();
    flushSync(() => root!.render(null));
    return { ms: performance.now() - start };
  },
  /** Arms a timer on the next click: resolves with click → next paint, and what React did meanwhile. */
  armClick(): void {
    renderCounter.reset();
    const result = new Promise<{ ms: number; commits: number; renders: number }>((resolve) => {
      window.addEventListener(
        "click",
        (event) => {
          afterNextPaint(event.timeStamp).then((ms) => resolve({ ms, commits: renderCounter.commits, renders: renderCounter.total }));
        },
        { capture: true, once: true },
      );
    });
    (window as unknown as { clickResult: typeof result }).clickResult = result;
  },
  resetCounts() {
    renderCounter.reset();
  },
  counts: () => ({ commits: renderCounter.commits, renders: renderCounter.total, byName: renderCounter.byName() }),
};

Object.assign(window, { bench });
