import { useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useControllableState } from "@radix-ui/react-use-controllable-state";
import { useLayoutEffect as useIsomorphicLayoutEffect } from "@radix-ui/react-use-layout-effect";
import type { SignalErrorHandler } from "../core/report-failure";
import type { FeedbackData } from "../core/signal";
import type { FeedbackFunction } from "../core/feedback-function";
import { reportFailureToConsole, useSignalFailureHandler } from "../provider/use-signal-failure-handler";
import { toError } from "../core/errors";
import { useKeletSignal } from "../provider/use-kelet-signal";
import { buildVoteSignal } from "./build-signal";
import type { VoteFeedbackActions, VoteFeedbackStateValue } from "./context";
import { persistedVoteKey, writePersistedVote } from "./persisted-vote";
import { voteFeedbackReducer, type SignalRequest, type Vote, type VoteFeedbackEvent, type VoteFeedbackState, type VoteKind } from "./state-machine";
import { usePersistedVote } from "./use-persisted-vote";

const ROOT_NAME = "VoteFeedback.Root";

export interface VoteFeedbackRootProps {
  /**
   * The session the vote belongs to: the id the server passed to `agentic_session(session_id=...)`.
   * A function is called when a signal is built, never during render. A new string value starts
   * over: the vote, text, reasons and popover the widget owns go back to their defaults (values the
   * app controls are the app's to change).
   */
  session_id: string | (() => string);
  /** Receives every signal instead of the nearest `KeletProvider`. A rejection is reported to the provider's `onError`. */
  onFeedback?: (data: FeedbackData) => void | Promise<void>;
  /** Sent with every signal. */
  // `any`, as in 1.3: an app's interface-typed object fits, and wrappers read fields off it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  metadata?: Record<string, any>;
  /** Sent with every signal, e.g. `"user-vote"`. */
  trigger_name?: string;
  /** Sent with every signal: the trace the vote is about. */
  trace_id?: string;
  /** The vote shown (controlled). A vote set here is shown and never sent. */
  vote?: Vote;
  /** The vote shown at first (uncontrolled). Never sent. */
  defaultVote?: Vote;
  /**
   * Called with the new vote when it changes: the user's press, or (uncontrolled) the default
   * again when a new session starts over. Uncontrolled, it is called once the change is shown.
   */
  onVoteChange?: (vote: Vote) => void;
  /** Whether the comment popover is open (controlled). */
  open?: boolean;
  /** Whether the comment popover starts open (uncontrolled). */
  defaultOpen?: boolean;
  /** Called when the popover opens or closes: a vote, Escape, a press outside, submit, a new session. */
  onOpenChange?: (open: boolean) => void;
  /** The comment text (controlled): what you hold is what gets submitted. */
  text?: string;
  /** The comment text to start with (uncontrolled). */
  defaultText?: string;
  /** Called with the new text as the user types, with `""` after a submit, and with `defaultText` when a new session starts over. */
  onTextChange?: (text: string) => void;
  /**
   * Remember the user's vote in `localStorage` per `session_id` and `trigger_name`
   * (key `kelet:vote:{trigger_name}:{session_id}`, at most 200 votes, the oldest forgotten first),
   * and show it again after a reload, without sending it again. A controlled `vote` wins.
   * Only for a string `session_id`.
   */
  persistVote?: boolean;
  /** Which vote opens the comment popover: `"downvote"` (default) or `"both"`. */
  popoverOn?: "downvote" | "both";
  children?: ReactNode;
}

/** What Root hands its parts, one context each. */
export interface VoteFeedbackRootValue {
  state: VoteFeedbackStateValue;
  text: string;
  reasons: readonly string[];
  actions: VoteFeedbackActions;
}

/** What handlers read: the last committed render's props and setters, and the latest state. */
interface Committed {
  props: VoteFeedbackRootProps;
  providerSignal: FeedbackFunction;
  reportFailure: SignalErrorHandler;
  persistKey: string | null;
  /** Committed, then moved on at once by each event, so two events in one tick see each other. */
  state: VoteFeedbackState;
  setVote: (vote: Vote) => void;
  setOpen: (open: boolean) => void;
  setText: (text: string) => void;
}

/** The behaviour of `VoteFeedback.Root`: state (controllable), the state machine, sending, session resets. */
export function useVoteFeedbackRoot(props: VoteFeedbackRootProps): VoteFeedbackRootValue {
  const reportFailure = useSignalFailureHandler();
  const providerSignal = useKeletSignal();
  const popoverOn = props.popoverOn ?? "downvote";
  const sessionKey = typeof props.session_id === "string" ? props.session_id : undefined;
  const persistKey = props.persistVote && sessionKey !== undefined ? persistedVoteKey(props.trigger_name, sessionKey) : null;
  const rememberedVote = usePersistedVote(persistKey);

  const [ownVote, setVote] = useControllableState<Vote>({
    prop: props.vote,
    defaultProp: props.defaultVote ?? null,
    onChange: props.onVoteChange,
    caller: ROOT_NAME,
  });
  const [open, setOpen] = useControllableState<boolean>({
    prop: props.open,
    defaultProp: props.defaultOpen ?? false,
    onChange: props.onOpenChange,
    caller: ROOT_NAME,
  });
  const [text, setText] = useControllableState<string>({
    prop: props.text,
    defaultProp: props.defaultText ?? "",
    onChange: props.onTextChange,
    caller: ROOT_NAME,
  });
  const [openedBy, setOpenedBy] = useState<VoteKind>("downvote");
  const [reasons, setReasons] = useState<readonly string[]>([]);
  // Signals being handed over right now: busy for that moment only, never until delivery.
  const [intakes, setIntakes] = useState(0);
  // A controlled vote wins; else the remembered one (it is the latest the user gave), else the widget's own.
  const vote = props.vote !== undefined ? ownVote : (rememberedVote ?? ownVote);

  // A new session is a new answer: start over (state adjusted during render, no flash; a render
  // React throws away takes its adjustments with it). Values the app controls are left to the app.
  const [seenSessionKey, setSeenSessionKey] = useState(sessionKey);
  if (sessionKey !== seenSessionKey) {
    setSeenSessionKey(sessionKey);
    const initial = voteFeedbackReducer(
      { vote, open, openedBy, text, reasons },
      { type: "reset", initial: { vote: props.defaultVote ?? null, open: props.defaultOpen ?? false, openedBy: "downvote", text: props.defaultText ?? "", reasons: [] } },
    ).state;
    if (props.vote === undefined) setVote(initial.vote);
    if (props.open === undefined) setOpen(initial.open);
    if (props.text === undefined) setText(initial.text);
    setOpenedBy(initial.openedBy);
    setReasons(initial.reasons);
    setIntakes(0);
  }

  // Written after commit only: a render React discards (a transition, Suspense) never reaches a signal.
  const committed = useRef<Committed | null>(null);
  useIsomorphicLayoutEffect(() => {
    committed.current = {
      props,
      providerSignal,
      reportFailure,
      persistKey,
      state: { vote, open, openedBy, text, reasons },
      setVote,
      setOpen,
      setText,
    };
  });

  const [actions] = useState<VoteFeedbackActions>(() => {
    const buttons: Record<VoteKind, HTMLElement | null> = { upvote: null, downvote: null };
    let textarea: HTMLTextAreaElement | null = null;
    let textareaValueOwnedByApp = false;

    const report = (error: Error, signal: FeedbackData) => {
      (committed.current?.reportFailure ?? reportFailureToConsole)(error, signal);
    };

    /** Hands one signal over; every outcome is handled here, nothing escapes into the app. */
    const send = (current: Committed, request: SignalRequest) => {
      const { props: rootProps, providerSignal: feedback } = current;
      let signal: FeedbackData;
      try {
        signal = buildVoteSignal(rootProps, request.vote, request.explanation);
      } catch (error) {
        // A throwing `session_id` function: report it, keep the widget working.
        report(toError(error), { session_id: "", kind: "feedback", source: "human" });
        return;
      }
      setIntakes((count) => count + 1);
      const { onFeedback } = rootProps;
      let pending: Promise<void>;
      try {
        // The provider validates and queues synchronously; its promise settles on delivery, which
        // is the queue's business (it keeps each session's order), not a reason to keep the buttons busy.
        pending = Promise.resolve(onFeedback ? onFeedback(signal) : feedback(signal));
      } catch (error) {
        pending = Promise.reject(error);
      }
      void Promise.resolve().then(() => setIntakes((count) => Math.max(0, count - 1)));
      pending.then(undefined, (error: unknown) => {
        // The provider's feedback() has already reported its own failures; an app handler's has not.
        if (onFeedback) report(toError(error), signal);
      });
    };

    const dispatch = (event: VoteFeedbackEvent) => {
      const current = committed.current;
      if (!current) return;
      const previous = current.state;
      const { state: next, send: request } = voteFeedbackReducer(previous, event);
      // What the widget owns moves on at once; what the app controls waits for the app's next commit
      // (an app that keeps its value, say `open`, keeps it here too).
      const { vote: controlledVote, open: controlledOpen, text: controlledText } = current.props;
      current.state = {
        ...next,
        vote: controlledVote !== undefined ? previous.vote : next.vote,
        open: controlledOpen !== undefined ? previous.open : next.open,
        text: controlledText !== undefined ? previous.text : next.text,
      };
      if (next.vote !== previous.vote) {
        if (current.persistKey && next.vote) writePersistedVote(current.persistKey, next.vote);
        current.setVote(next.vote);
      }
      if (next.open !== previous.open) current.setOpen(next.open);
      if (next.text !== previous.text) current.setText(next.text);
      if (next.openedBy !== previous.openedBy) setOpenedBy(next.openedBy);
      if (next.reasons !== previous.reasons) setReasons(next.reasons);
      if (request) send(current, request);
    };

    return {
      pressVote: (kind) => dispatch({ type: "press-vote", kind, popoverOn: committed.current?.props.popoverOn ?? "downvote" }),
      setText: (value) => dispatch({ type: "set-text", text: value }),
      toggleReason: (reason) => dispatch({ type: "toggle-reason", reason }),
      submit: () => {
        // A field showing the app's own value submits what it shows (the app may have changed what was typed).
        if (textarea && textareaValueOwnedByApp) dispatch({ type: "set-text", text: textarea.value });
        dispatch({ type: "submit" });
      },
      setOpen: (value) => dispatch({ type: "set-open", open: value }),
      isOpen: () => committed.current?.state.open ?? false,
      registerButton(kind, element) {
        buttons[kind] = element;
      },
      registerTextarea(element, valueOwnedByApp = false) {
        textarea = element;
        textareaValueOwnedByApp = valueOwnedByApp;
      },
      returnFocus() {
        const kind = committed.current?.state.openedBy ?? "downvote";
        buttons[kind]?.focus({ preventScroll: true });
      },
      focusTextarea() {
        if (!textarea) return false;
        textarea.focus({ preventScroll: true });
        return true;
      },
      labelIdOf: (kind) => buttons[kind]?.id || undefined,
      anchorRef: {
        get current() {
          return buttons[committed.current?.state.openedBy ?? "downvote"];
        },
      },
    };
  });

  const upvoteId = useId();
  const downvoteId = useId();
  const popoverId = useId();
  const descriptionId = useId();
  const ids = useMemo(
    () => ({ upvote: upvoteId, downvote: downvoteId, popover: popoverId, description: descriptionId }),
    [upvoteId, downvoteId, popoverId, descriptionId],
  );
  const submitting = intakes > 0;
  const state = useMemo<VoteFeedbackStateValue>(
    () => ({ vote, open, openedBy, submitting, popoverOn, ids }),
    [vote, open, openedBy, submitting, popoverOn, ids],
  );
  return { state, text, reasons, actions };
}
