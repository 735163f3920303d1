/** The user event a signal was made during, sent as `metadata.$dom_event`. Never holds what a user typed. */
export interface DomEventSnapshot {
  /** `click`, `keydown`, `submit`, `change`, ... */
  type: string;
  /** A short CSS-like selector of the target, e.g. `div.answer > button#up`. */
  target?: string;
  /** A short human label: aria-label, title, or the text of a button or link. */
  label?: string;
  /** When it happened (ISO 8601). */
  time: string;
  /** Pointer position in the viewport, for clicks. */
  x?: number;
  y?: number;
  /**
   * The key pressed, only on elements that cannot be a text field: never in an
   * input, textarea, select or contenteditable, nor on an element that may hide
   * one in a shadow root (custom elements, `div`, `span`, `body`, ...).
   */
  key?: string;
  /** The target opted out with `data-kelet-redact`: nothing about it is kept. */
  redacted?: true;
}

/** Older events say nothing about the signal being sent. */
export const DOM_EVENT_MAX_AGE_MS = 10_000;
// `input`: React's onChange of a text field runs during it (after keydown has ended).
const CAPTURED_EVENT_TYPES = ["click", "keydown", "submit", "change", "input"];

/**
 * User events still being dispatched, newest last (one dispatch may start
 * another: a click that submits a form). A browser sets an event's
 * `eventPhase` back to NONE (0) when its dispatch ends: such entries are stale.
 */
let dispatching: [event: Event, snapshot: DomEventSnapshot][] = [];
let retainCount = 0;

const truncate = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Built-in elements that may hold a shadow root (besides custom elements).
 * A closed one is invisible from the document: a keydown inside it reaches
 * us with the host as its target, so a key pressed on such an element may
 * have been typed into a field we cannot see.
 */
const SHADOW_HOST_TAG = /^(ARTICLE|ASIDE|BLOCKQUOTE|BODY|DIV|FOOTER|H[1-6]|HEADER|MAIN|NAV|P|SECTION|SPAN)$/;
const EDITABLE_REGION = "[contenteditable]:not([contenteditable=false])";

/** A field, or inside a contenteditable region (or a page in design mode). */
const isEditable = (element: Element): boolean =>
  !!element.closest(`input,textarea,select,${EDITABLE_REGION}`) || (element as HTMLElement).isContentEditable;

/** True when a key pressed with `element` as the target may be a character typed into a field. */
const mayHoldTyping = (element: Element, path: Element[]): boolean =>
  path.some(isEditable) || !!element.shadowRoot || element.tagName.includes("-") || SHADOW_HOST_TAG.test(element.tagName);

/** Up to three levels, `tag#id` or `tag.class.class`, ending after a part with a `#` (an id) or at `body`, stepping out of shadow roots to their hosts. */
function selectorOf(element: Element): string {
  const escape = (ident: string) => globalThis.CSS?.escape?.(ident) ?? ident.replace(/[^\w-]/g, "\\$&");
  const parts: string[] = [];
  for (let current: Element | null | undefined = element; current && parts.length < 3 && !/^(HTML|BODY)$/.test(current.tagName); ) {
    const tag = current.tagName.toLowerCase();
    const part = current.id ? `${tag}#${escape(current.id)}` : tag + Array.from(current.classList, (name) => `.${escape(name)}`).slice(0, 2).join("");
    parts.unshift(part);
    if (part.includes("#")) break;
    current = current.parentElement ?? (current.getRootNode() as Partial<ShadowRoot>).host;
  }
  return truncate(parts.join(" > "), 120);
}

function labelOf(element: Element): string | undefined {
  const attribute = (name: string, orElse: string) => element.getAttribute(name) ?? element.getAttribute(orElse);
  let text = attribute("aria-label", "title");
  if (!text && isEditable(element)) {
    // Name the field, never its content.
    text = attribute("placeholder", "name");
  } else if (!text) {
    const clickable = element.closest("button,a,[role=button],[role=menuitem],label,summary");
    // Typed text lives in the text of a contenteditable region, and a textarea's text is its value: never a label.
    if (clickable && !clickable.querySelector(`textarea,${EDITABLE_REGION}`)) text = clickable.textContent;
  }
  const cleaned = text?.replace(/\s+/g, " ").trim();
  return cleaned ? truncate(cleaned, 40) : undefined;
}

function capture(event: Event): void {
  try {
    const snapshot: DomEventSnapshot = { type: event.type, time: new Date().toISOString() };
    // A document listener sees `event.target` retargeted to the outermost shadow host; the composed
    // path starts at the element really used, inside open shadow roots (closed ones stay hidden).
    const path = event.composedPath().filter((node): node is Element => !!(node as Element).closest);
    const element = path[0];
    if (path.some((node) => node.hasAttribute("data-kelet-redact"))) snapshot.redacted = true;
    else if (element) {
      snapshot.target = selectorOf(element);
      const label = labelOf(element);
      if (label) snapshot.label = label;
      if (event.type === "click" && "clientX" in event) {
        snapshot.x = Math.round((event as MouseEvent).clientX);
        snapshot.y = Math.round((event as MouseEvent).clientY);
      }
      if (event.type === "keydown" && !mayHoldTyping(element, path)) snapshot.key = (event as KeyboardEvent).key;
    }
    currentDomEvent();
    dispatching.push([event, snapshot]);
  } catch {
    // Telemetry must never break the page's own event handling.
  }
}

function listen(method: "addEventListener" | "removeEventListener"): void {
  for (const type of CAPTURED_EVENT_TYPES) document[method](type, capture, { capture: true, passive: true });
}

/**
 * Starts capturing the last user event (capture phase, on `document`) and
 * returns a release function. Listeners are installed once however many
 * providers retain them, and removed when the last one releases.
 */
export function retainDomEventCapture(): () => void {
  if (typeof document === "undefined") return () => {};
  if (retainCount++ === 0) listen("addEventListener");
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--retainCount === 0) {
      listen("removeEventListener");
    }
  };
}

/**
 * The user event being handled right now: the newest captured event whose
 * dispatch has not ended (its listeners, React's handlers among them, and the
 * microtasks they queue are running). `undefined` in an effect, a timer or a
 * fetch callback that runs after it, and when nothing is captured.
 */
export function currentDomEvent(): DomEventSnapshot | undefined {
  dispatching = dispatching.filter(([event]) => event.eventPhase);
  return dispatching[dispatching.length - 1]?.[1];
}

/** The user event each signal was made during, decided where it was made (`undefined`: none), for the signals whose maker knows better than the moment they are sent. */
const attributed = new WeakMap<object, DomEventSnapshot | undefined>();

/** Says which user event `signal` was made during: an edit sequence is sent later than the change that made it. */
export function attributeDomEvent(signal: object, event: DomEventSnapshot | undefined): void {
  attributed.set(signal, event);
}

/** The user event to send with `signal`: the one its maker named, else the one being handled now. */
export function domEventOf(signal: object): DomEventSnapshot | undefined {
  return attributed.has(signal) ? attributed.get(signal) : currentDomEvent();
}

/** The last captured user event, handled or not, if it happened within {@link DOM_EVENT_MAX_AGE_MS} (what capture recorded: for tests and tools). */
export function recentDomEvent(nowMs: number = Date.now()): DomEventSnapshot | undefined {
  // Nothing is captured once the last holder released the listeners.
  const latest = retainCount ? dispatching[dispatching.length - 1]?.[1] : undefined;
  return latest && nowMs - Date.parse(latest.time) <= DOM_EVENT_MAX_AGE_MS ? { ...latest } : undefined;
}
