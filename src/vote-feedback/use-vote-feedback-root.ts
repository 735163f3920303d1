import { useId, useMemo, useState, type ReactNode } from "react";
import { useControllableState } from "@radix-ui/react-use-controllable-state";
import type { SignalErrorHandler } from "../core/report-failure";
import type { FeedbackData } from "../core/signal";
import type { FeedbackFunction } from "../core/feedback-function";
import { useSignalFailureHandler } from "../provider/use-signal-failure-handler";
import { toError } from "../core/errors";
import { useSignalFrom } from "../provider/use-kelet-signal";
import { useCommittedRef } from "../provider/use-committed-ref";
import { buildVoteSignal, type Explanation } from "./build-signal";
import type { VoteFeedbackActions, VoteFeedbackStateValue } from "./context";
import { persistedVoteKey, writePersistedVote } from "./persisted-vote";
import { pressVote, submit, toggleReason, type Transition, type Vote, type VoteFeedbackState, type VoteKind } from "./state-machine";
import { usePersistedVote } from "./use-persisted-vote";

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

type Setters = { [Key in keyof VoteFeedbackState]: (value: VoteFeedbackState[Key]) => void };

/** What handlers read: the last committed render's props and setters, and the latest state. */
interface Committed {
  props: VoteFeedbackRootProps;
  providerSignal: FeedbackFunction;
  reportFailure: SignalErrorHandler;
  persistKey: string | null;
  /** Committed, then moved on at once by each event, so two events in one tick see each other. */
  state: VoteFeedbackState;
  set: Setters;
}

/** One of Root's values the app may own, through Radix's controllable state. */
const useControllable = <T>(prop: T | undefined, defaultProp: T, onChange?: (value: T) => void) =>
  useControllableState({ prop, defaultProp, onChange, caller: "VoteFeedback.Root" });

/** The behaviour of `VoteFeedback.Root`: state (controllable), the state machine, sending, session resets. */
export function useVoteFeedbackRoot(props: VoteFeedbackRootProps): VoteFeedbackRootValue {
  const reportFailure = useSignalFailureHandler();
  const providerSignal = useSignalFrom("VoteFeedback.Root");
  const sessionKey = typeof props.session_id === "string" ? props.session_id : undefined;
  const persistKey = props.persistVote && sessionKey !== undefined ? persistedVoteKey(props.trigger_name, sessionKey) : null;
  const rememberedVote = usePersistedVote(persistKey);
  const initialVote = props.defaultVote ?? null;
  const initialOpen = props.defaultOpen ?? false;
  const initialText = props.defaultText ?? "";

  const [ownVote, setVote] = useControllable<Vote>(props.vote, initialVote, props.onVoteChange);
  const [open, setOpen] = useControllable(props.open, initialOpen, props.onOpenChange);
  const [text, setText] = useControllable(props.text, initialText, props.onTextChange);
  const [openedBy, setOpenedBy] = useState<VoteKind>("downvote");
  const [reasons, setReasons] = useState<readonly string[]>([]);
  // True while a signal is handed over (validated and queued) only, never until delivery.
  const [submitting, setSubmitting] = useState(false);
  // A controlled vote wins; else the remembered one (it is the latest the user gave), else the widget's own.
  const vote = props.vote !== undefined ? ownVote : (rememberedVote ?? ownVote);

  // A new session is a new answer: start over (state adjusted during render, no flash; a render
  // React throws away takes its adjustments with it). Values the app controls are left to the app.
  const [seenSessionKey, setSeenSessionKey] = useState(sessionKey);
  if (sessionKey !== seenSessionKey) {
    setSeenSessionKey(sessionKey);
    if (props.vote === undefined) setVote(initialVote);
    if (props.open === undefined) setOpen(initialOpen);
    if (props.text === undefined) setText(initialText);
    setOpenedBy("downvote");
    setReasons([]);
  }

  // Written at commit only: a render React discards (a transition, Suspense) never reaches a signal.
  const committed = useCommittedRef<Committed>({
    props,
    providerSignal,
    reportFailure,
    persistKey,
    state: { vote, open, openedBy, text, reasons },
    set: { vote: setVote, open: setOpen, openedBy: setOpenedBy, text: setText, reasons: setReasons },
  });

  const [actions] = useState<VoteFeedbackActions>(() => {
    const buttons: VoteFeedbackActions["buttons"] = { upvote: { current: null }, downvote: { current: null } };
    const textarea: VoteFeedbackActions["textarea"] = { current: null };

    /** Hands one signal over; every outcome is handled here, nothing escapes into the app. */
    const send = ({ props: rootProps, providerSignal: feedback, reportFailure: report }: Committed, vote: VoteKind, explanation?: Explanation) => {
      let signal: FeedbackData;
      try {
        signal = buildVoteSignal(rootProps, vote, explanation);
      } catch (error) {
        // A throwing `session_id` function: report it, keep the widget working.
        return report(toError(error), { session_id: "", kind: "feedback", source: "human" });
      }
      setSubmitting(true);
      queueMicrotask(() => setSubmitting(false));
      const { onFeedback } = rootProps;
      // The provider validates and queues synchronously; its promise settles on delivery, which is the
      // queue's business (it keeps each session's order), not a reason to keep the buttons busy.
      new Promise<void>((resolve) => resolve((onFeedback ?? feedback)(signal))).catch((error: unknown) => {
        // The provider's feedback() has already reported its own failures; an app handler's has not.
        if (onFeedback) report(toError(error), signal);
      });
    };

    const update = (transition: (state: VoteFeedbackState, props: VoteFeedbackRootProps) => Transition) => {
      const current = committed.current;
      const { props: rootProps, state: previous } = current;
      const [next, vote, explanation] = transition(previous, rootProps);
      const shown: Record<string, unknown> = { ...next };
      const controlled: Partial<Record<keyof VoteFeedbackState, unknown>> = rootProps;
      let key: keyof VoteFeedbackState;
      for (key in next) {
        if (next[key] === previous[key]) continue;
        (current.set[key] as (value: unknown) => void)(next[key]);
        // What the widget owns moves on at once; what the app controls (`vote`, `open`, `text`: the props of
        // the same names) waits for the app's next commit (an app that keeps its value keeps it here too).
        if (controlled[key] !== undefined) shown[key] = previous[key];
      }
      current.state = shown as unknown as VoteFeedbackState;
      if (current.persistKey && next.vote && next.vote !== previous.vote) writePersistedVote(current.persistKey, next.vote);
      if (vote) send(current, vote, explanation);
    };

    const setText = (value: string) => update((state) => [{ ...state, text: value }]);
    return {
      pressVote: (kind) => update((state, rootProps) => pressVote(state, kind, rootProps.popoverOn)),
      setText,
      toggleReason: (reason) => update((state) => toggleReason(state, reason)),
      submit() {
        // What the field shows is what is sent: the app may give it a value of its own (the 1.3 way).
        if (textarea.current) setText(textarea.current.value);
        update(submit);
      },
      setOpen: (value) => update((state) => [{ ...state, open: value }]),
      buttons,
      textarea,
      anchorRef: {
        get current() {
          return buttons[committed.current.state.openedBy].current;
        },
      },
    };
  });

  const id = useId();
  const { popoverOn } = props;
  const state = useMemo<VoteFeedbackStateValue>(
    () => ({ vote, open, openedBy, submitting, popoverOn, id }),
    [vote, open, openedBy, submitting, popoverOn, id],
  );
  return { state, text, reasons, actions };
}
