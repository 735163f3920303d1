import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
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
  state: VoteFeedbackStateValue & { actions: VoteFeedbackActions };
  text: string;
  reasons: readonly string[];
  actions: VoteFeedbackActions;
}

/** What the widget holds itself: one state object, so a closed widget is one hook of state. */
interface OwnState extends VoteFeedbackState {
  /** True while a signal is handed over (validated and queued) only, never until delivery. */
  submitting: boolean;
  /** The string session these values belong to: a new one starts over. */
  session: string | undefined;
}

/** The values the app may own, with the callback that tells it of a change. */
const CHANGE_HANDLERS = { vote: "onVoteChange", open: "onOpenChange", text: "onTextChange" } as const;
type Controllable = keyof typeof CHANGE_HANDLERS;

/** Tells the app of a new value through the prop's change callback. */
const tell = (props: VoteFeedbackRootProps, key: Controllable, value: unknown) => (props[CHANGE_HANDLERS[key]] as ((value: unknown) => void) | undefined)?.(value);

const NO_REASONS: readonly string[] = [];

const initialState = (props: VoteFeedbackRootProps, session: string | undefined): OwnState => ({
  vote: props.defaultVote ?? null,
  open: props.defaultOpen ?? false,
  text: props.defaultText ?? "",
  openedBy: "downvote",
  reasons: NO_REASONS,
  submitting: false,
  session,
});

/** What handlers read: the last committed render's props, and the latest state. */
interface Committed {
  props: VoteFeedbackRootProps;
  providerSignal: FeedbackFunction;
  reportFailure: SignalErrorHandler;
  persistKey: string | null;
  session: string | undefined;
  /** Committed, then moved on at once by each event, so two events in one tick see each other. */
  state: VoteFeedbackState;
}

/**
 * What the parts can do (`VoteFeedbackActions`): every event reads the committed render
 * through `committed`, moves the state machine on, and sends what it asks for.
 */
class Actions implements VoteFeedbackActions {
  // Assigned in the constructor, not as class fields: the build targets ES2020, which would wrap each in a helper.
  readonly buttons: VoteFeedbackActions["buttons"];
  readonly textarea: VoteFeedbackActions["textarea"];
  readonly anchorRef: VoteFeedbackActions["anchorRef"];
  readonly closedByVote: VoteFeedbackActions["closedByVote"];
  private readonly committed: { readonly current: Committed };
  private readonly setOwn: (update: (state: OwnState) => OwnState) => void;
  readonly setPopoverShown: (shown: boolean) => void;

  constructor(committed: Actions["committed"], setOwn: Actions["setOwn"], setPopoverShown: Actions["setPopoverShown"]) {
    const buttons: Actions["buttons"] = { upvote: { current: null }, downvote: { current: null } };
    this.buttons = buttons;
    this.textarea = { current: null };
    this.closedByVote = { current: null };
    this.committed = committed;
    this.setOwn = setOwn;
    this.setPopoverShown = setPopoverShown;
    this.anchorRef = {
      get current() {
        return buttons[committed.current.state.openedBy].current;
      },
    };
  }

  pressVote(kind: VoteKind) {
    let wasOpen = false;
    let open = false;
    this.update((state, rootProps) => {
      const transition = pressVote(state, kind, rootProps.popoverOn);
      [wasOpen, open] = [state.open, transition[0].open];
      return transition;
    });
    // The popover was open already, so no open auto-focus comes: the vote moves focus into it here.
    if (wasOpen && open) this.textarea.current?.focus({ preventScroll: true });
    this.closedByVote.current = wasOpen && !open ? kind : null;
  }

  setText(value: string) {
    this.update((state) => [{ ...state, text: value }]);
  }

  toggleReason(reason: string) {
    this.update((state) => toggleReason(state, reason));
  }

  submit() {
    // What the field shows is what is sent: the app may give it a value of its own (the 1.3 way).
    if (this.textarea.current) this.setText(this.textarea.current.value);
    this.update(submit);
  }

  setOpen(value: boolean) {
    this.update((state) => [{ ...state, open: value }]);
  }

  private update(transition: (state: VoteFeedbackState, props: VoteFeedbackRootProps) => Transition) {
    const current = this.committed.current;
    const { props: rootProps, state: previous, session } = current;
    const [next, vote, explanation] = transition(previous, rootProps);
    const shown: Record<string, unknown> = { ...next };
    const changes: Record<string, unknown> = {};
    let changed = false;
    let key: keyof VoteFeedbackState;
    for (key in next) {
      if (next[key] === previous[key]) continue;
      // What the widget owns moves on at once; what the app controls (`vote`, `open`, `text`: the props of
      // the same names) waits for the app's next commit (an app that keeps its value keeps it here too).
      if (key in CHANGE_HANDLERS && rootProps[key as Controllable] !== undefined) {
        if (next[key] !== rootProps[key as Controllable]) tell(rootProps, key as Controllable, next[key]);
        shown[key] = previous[key];
      } else {
        changes[key] = next[key];
        changed = true;
      }
    }
    // One update for all of it: one render, one commit.
    if (changed) this.setOwn((state) => ({ ...(state.session === session ? state : initialState(rootProps, session)), ...changes }));
    current.state = shown as unknown as VoteFeedbackState;
    if (current.persistKey && next.vote && next.vote !== previous.vote) writePersistedVote(current.persistKey, next.vote);
    if (vote) this.send(current, vote, explanation);
  }

  /** Hands one signal over; every outcome is handled here, nothing escapes into the app. */
  private send({ props: rootProps, providerSignal: feedback, reportFailure: report }: Committed, vote: VoteKind, explanation?: Explanation) {
    let signal: FeedbackData;
    try {
      signal = buildVoteSignal(rootProps, vote, explanation);
    } catch (error) {
      // A throwing `session_id` function: report it, keep the widget working.
      return report(toError(error), { session_id: "", kind: "feedback", source: "human" });
    }
    const busy = (submitting: boolean) => this.setOwn((state) => ({ ...state, submitting }));
    busy(true);
    queueMicrotask(() => busy(false));
    const { onFeedback } = rootProps;
    // The provider validates and queues synchronously; its promise settles on delivery, which is the
    // queue's business (it keeps each session's order), not a reason to keep the buttons busy.
    new Promise<void>((resolve) => resolve((onFeedback ?? feedback)(signal))).catch((error: unknown) => {
      // The provider's feedback() has already reported its own failures; an app handler's has not.
      if (onFeedback) report(toError(error), signal);
    });
  }
}

/** The behaviour of `VoteFeedback.Root`: state (controllable), the state machine, sending, session resets. */
export function useVoteFeedbackRoot(props: VoteFeedbackRootProps): VoteFeedbackRootValue {
  const reportFailure = useSignalFailureHandler();
  const providerSignal = useSignalFrom("VoteFeedback.Root");
  const sessionKey = typeof props.session_id === "string" ? props.session_id : undefined;
  const persistKey = props.persistVote && sessionKey !== undefined ? persistedVoteKey(props.trigger_name, sessionKey) : null;
  const rememberedVote = usePersistedVote(persistKey);
  const [stored, setOwn] = useState(() => initialState(props, sessionKey));
  // A new session is a new answer: what the widget holds starts over, derived here rather than set during
  // render, so a session that arrives in a transition React throws away leaves the shown one alone.
  // Values the app controls are left to the app.
  const own = stored.session === sessionKey ? stored : initialState(props, sessionKey);

  // A controlled vote wins; else the remembered one (it is the latest the user gave), else the widget's own.
  const vote = props.vote !== undefined ? props.vote : (rememberedVote ?? own.vote);
  const open = props.open ?? own.open;
  const text = props.text ?? own.text;
  const { openedBy, reasons, submitting } = own;

  // Written at commit only: a render React discards (a transition, Suspense) never reaches a signal.
  const committed = useCommittedRef<Committed>({ props, providerSignal, reportFailure, persistKey, session: sessionKey, state: { vote, open, openedBy, text, reasons } });

  // Uncontrolled, the app hears of a change once it is shown (as Radix's controllable state tells it).
  const shownOwn: Pick<OwnState, Controllable> = { vote: own.vote, open: own.open, text: own.text };
  const notified = useRef(shownOwn);
  useEffect(() => {
    const last = notified.current;
    notified.current = shownOwn;
    const rootProps = committed.current.props;
    let key: Controllable;
    for (key in CHANGE_HANDLERS) {
      if (rootProps[key] === undefined && shownOwn[key] !== last[key]) tell(rootProps, key, shownOwn[key]);
    }
    // By value: a fresh start derived for a new session is a new object on every render until an update stores it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [own.vote, own.open, own.text, committed]);

  // One object per widget, its methods shared on the prototype: a long chat holds hundreds.
  // Kept apart from the session's state: the element stays in the page across a new session.
  const [popoverShown, setPopoverShown] = useState(false);
  const [actions] = useState(() => new Actions(committed, setOwn, setPopoverShown));

  const id = useId();
  const { popoverOn } = props;
  const state = useMemo<VoteFeedbackRootValue["state"]>(
    () => ({ vote, open, openedBy, submitting, popoverOn, popoverShown, id, actions }),
    [vote, open, openedBy, submitting, popoverOn, popoverShown, id, actions],
  );
  return { state, text, reasons, actions };
}
