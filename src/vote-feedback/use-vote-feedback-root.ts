import { useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { reportSignalFailure } from "../core/report-failure";
import type { FeedbackData } from "../core/signal";
import { KeletContext } from "../provider/KeletContext";
import { useKeletSignal } from "../provider/useKeletSignal";
import { buildVoteSignal, hasExplanation } from "./build-signal";
import type { Vote, VoteFeedbackActions, VoteFeedbackContextValue, VoteKind } from "./context";

export interface VoteFeedbackRootProps {
  /**
   * The session the vote belongs to: the id the server passed to `agentic_session(session_id=...)`.
   * A function is called when a signal is built, never during render. A new string value resets
   * the vote, text, reasons and popover.
   */
  session_id: string | (() => string);
  /** Receives every signal instead of the nearest `KeletProvider`. A rejection is reported to the provider's `onError`. */
  onFeedback?: (data: FeedbackData) => void | Promise<void>;
  /** The popover text to start with. */
  defaultText?: string;
  /** Sent with every signal. */
  metadata?: Record<string, unknown>;
  /** Sent with every signal, e.g. `"user-vote"`. */
  trigger_name?: string;
  /** Sent with every signal: the trace the vote is about. */
  trace_id?: string;
  /** The vote shown (controlled). A vote set here is shown and never sent. */
  vote?: Vote;
  /** The vote shown at first (uncontrolled). Never sent. */
  defaultVote?: Vote;
  /** Called with the new vote when the user changes it. */
  onVoteChange?: (vote: Vote) => void;
  /** Which vote opens the comment popover: `"downvote"` (default) or `"both"`. */
  popoverOn?: "downvote" | "both";
  children?: ReactNode;
}

/**
 * How long a send keeps the buttons busy at most. Delivery may hold a signal
 * much longer (retries, offline queue); by then it is the queue's job, and the
 * widget must not stay unusable.
 */
export const BUSY_STATE_MAX_MS = 10_000;

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** The behaviour of `VoteFeedback.Root`: vote state, popover state, sending, session resets. */
export function useVoteFeedbackRoot(props: VoteFeedbackRootProps): VoteFeedbackContextValue {
  const provider = useContext(KeletContext);
  const providerSignal = useKeletSignal();
  const popoverOn = props.popoverOn ?? "downvote";

  const [uncontrolledVote, setUncontrolledVote] = useState<Vote>(props.defaultVote ?? null);
  const isVoteControlled = props.vote !== undefined;
  const vote = isVoteControlled ? (props.vote as Vote) : uncontrolledVote;
  const [ownText, setOwnText] = useState(props.defaultText ?? "");
  const [controlledText, setControlledText] = useState<string | undefined>(undefined);
  const [reasons, setReasons] = useState<readonly string[]>([]);
  const [open, setOpen] = useState(false);
  const [openedBy, setOpenedBy] = useState<VoteKind>("downvote");
  const text = controlledText ?? ownText;

  // A new session is a new answer: start over (state adjusted during render, no flash).
  const sessionKey = typeof props.session_id === "string" ? props.session_id : undefined;
  const [seenSessionKey, setSeenSessionKey] = useState(sessionKey);
  // Sends in flight, per session: an old answer's send does not keep the new one busy.
  const [busy, setBusy] = useState({ sessionKey, count: 0 });
  const submitting = busy.sessionKey === sessionKey && busy.count > 0;
  if (sessionKey !== seenSessionKey) {
    setSeenSessionKey(sessionKey);
    setBusy({ sessionKey, count: 0 });
    setUncontrolledVote(null);
    setOwnText(props.defaultText ?? "");
    setReasons([]);
    setOpen(false);
  }

  // Handlers read the latest props and state here, so the actions object never changes.
  const latest = useRef({ props, providerSignal, reportFailure: provider?.reportFailure, isVoteControlled });
  latest.current = { props, providerSignal, reportFailure: provider?.reportFailure, isVoteControlled };
  const state = useRef({ vote, text, reasons, open, openedBy, submitting, sessionKey });
  state.current = { vote, text, reasons, open, openedBy, submitting, sessionKey };

  const buttons = useRef<Record<VoteKind, HTMLElement | null>>({ upvote: null, downvote: null });
  const textarea = useRef<HTMLElement | null>(null);
  const busyTimers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const timers = busyTimers.current;
    return () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    };
  }, []);

  const actions = useMemo<VoteFeedbackActions>(() => {
    const report = (error: Error, signal: FeedbackData) => {
      const { reportFailure } = latest.current;
      if (reportFailure) reportFailure(error, signal);
      else reportSignalFailure(undefined, error, signal);
    };

    /** Sends one signal; every outcome is handled here, nothing escapes into the app. */
    const send = (build: () => FeedbackData) => {
      const { onFeedback } = latest.current.props;
      let signal: FeedbackData;
      try {
        signal = build();
      } catch (error) {
        // A throwing `session_id` function: report it, keep the widget working.
        report(toError(error), { session_id: "", kind: "feedback", source: "human" });
        return;
      }
      let pending: Promise<void>;
      try {
        pending = Promise.resolve(onFeedback ? onFeedback(signal) : latest.current.providerSignal(signal));
      } catch (error) {
        pending = Promise.reject(error);
      }
      const sessionAtSend = state.current.sessionKey;
      let settled = false;
      const release = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        busyTimers.current.delete(timer);
        setBusy((current) => (current.sessionKey === sessionAtSend ? { sessionKey: sessionAtSend, count: current.count - 1 } : current));
      };
      const timer = setTimeout(release, BUSY_STATE_MAX_MS);
      busyTimers.current.add(timer);
      setBusy((current) => ({ sessionKey: sessionAtSend, count: (current.sessionKey === sessionAtSend ? current.count : 0) + 1 }));
      state.current.submitting = true;
      pending
        .then(undefined, (error: unknown) => {
          // The provider's feedback() has already reported its own failures; an app handler's has not.
          if (onFeedback) report(toError(error), signal);
        })
        .then(release, release);
    };

    return {
      pressVote(kind) {
        const current = state.current;
        if (current.submitting) return;
        const { props: rootProps, isVoteControlled: controlled } = latest.current;
        const changed = current.vote !== kind;
        if (changed) {
          current.vote = kind;
          if (!controlled) setUncontrolledVote(kind);
          send(() => buildVoteSignal(rootProps, kind));
          rootProps.onVoteChange?.(kind);
        }
        // Pressing the chosen vote again sends nothing; it toggles its comment popover.
        if (kind === "downvote" || (rootProps.popoverOn ?? "downvote") === "both") {
          if (!changed && current.open && current.openedBy === kind) {
            setOpen(false);
            return;
          }
          current.openedBy = kind;
          setOpenedBy(kind);
          setOpen(true);
        } else {
          setOpen(false);
        }
      },
      setText: setOwnText,
      setControlledText,
      toggleReason(reason) {
        setReasons((chosen) => (chosen.includes(reason) ? chosen.filter((r) => r !== reason) : [...chosen, reason]));
      },
      submit() {
        const current = state.current;
        if (current.submitting) return;
        const explanation = { text: current.text, reasons: current.reasons };
        if (hasExplanation(explanation)) {
          const { props: rootProps } = latest.current;
          send(() => buildVoteSignal(rootProps, current.openedBy, explanation));
        }
        setOwnText("");
        setReasons([]);
        setOpen(false);
      },
      setOpen,
      registerButton(kind, element) {
        buttons.current[kind] = element;
      },
      registerTextarea(element) {
        textarea.current = element;
      },
      returnFocus() {
        buttons.current[state.current.openedBy]?.focus({ preventScroll: true });
      },
      focusTextarea() {
        if (!textarea.current) return false;
        textarea.current.focus({ preventScroll: true });
        return true;
      },
      labelIdOf(kind) {
        return buttons.current[kind]?.id || undefined;
      },
      anchorRef: {
        get current() {
          return buttons.current[state.current.openedBy];
        },
      },
    };
  }, []);

  const upvoteId = useId();
  const downvoteId = useId();
  const popoverId = useId();
  const ids = useMemo(() => ({ upvote: upvoteId, downvote: downvoteId, popover: popoverId }), [upvoteId, downvoteId, popoverId]);

  return useMemo(
    () => ({ vote, submitting, open, openedBy, text, reasons, popoverOn, ids, actions }),
    [vote, submitting, open, openedBy, text, reasons, popoverOn, ids, actions],
  );
}
