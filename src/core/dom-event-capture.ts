/** The most recent user event, sent as `metadata.$dom_event`. Never holds what a user typed. */
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
const CAPTURED_EVENT_TYPES = ["click", "keydown", "submit", "change"] as const;
const MAX_SELECTOR_DEPTH = 3;
const MAX_SELECTOR_CHARS = 120;
const MAX_LABEL_CHARS = 40;
const REDACT_ATTRIBUTE = "data-kelet-redact";

let latest: { snapshot: DomEventSnapshot; capturedAtMs: number } | null = null;
let retainCount = 0;

function escapeIdent(ident: string): string {
  if (typeof CSS !== "undefined" && typeof CSS.escape === "function") return CSS.escape(ident);
  return ident.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Built-in elements that may hold a shadow root (besides custom elements).
 * A closed one is invisible from the document: a keydown inside it reaches
 * us with the host as its target, so a key pressed on such an element may
 * have been typed into a field we cannot see.
 */
const SHADOW_HOST_TAG = /^(ARTICLE|ASIDE|BLOCKQUOTE|BODY|DIV|FOOTER|H[1-6]|HEADER|MAIN|NAV|P|SECTION|SPAN)$/;
const EDITABLE_REGION = "[contenteditable]:not([contenteditable=false])";

const isElement = (node: unknown): node is Element => typeof (node as Element | null)?.closest === "function";

function isEditable(element: Element): boolean {
  const tag = element.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return true;
  return (element as HTMLElement).isContentEditable === true || element.closest(EDITABLE_REGION) !== null;
}

/** True when a key pressed with `element` as the target may be a character typed into a field. */
function mayHoldTyping(element: Element, path: Element[]): boolean {
  return path.some(isEditable) || element.shadowRoot !== null || element.tagName.includes("-") || SHADOW_HOST_TAG.test(element.tagName);
}

/** The parent element, stepping out of a shadow root to its host. */
function composedParent(element: Element): Element | null {
  return element.parentElement ?? (element.getRootNode() as Partial<ShadowRoot>).host ?? null;
}

function describeElement(element: Element): string {
  let part = element.tagName.toLowerCase();
  if (element.id) return `${part}#${escapeIdent(element.id)}`;
  const classes = Array.from(element.classList).slice(0, 2);
  for (const name of classes) part += `.${escapeIdent(name)}`;
  return part;
}

function selectorOf(element: Element): string {
  const parts: string[] = [];
  let current: Element | null = element;
  while (current && parts.length < MAX_SELECTOR_DEPTH && current.tagName !== "HTML" && current.tagName !== "BODY") {
    const part = describeElement(current);
    parts.unshift(part);
    if (part.includes("#")) break;
    current = composedParent(current);
  }
  return truncate(parts.join(" > "), MAX_SELECTOR_CHARS);
}

function labelOf(element: Element): string | undefined {
  const explicit = element.getAttribute("aria-label") ?? element.getAttribute("title");
  let text = explicit;
  if (!text && isEditable(element)) {
    // Name the field, never its content.
    text = element.getAttribute("placeholder") ?? element.getAttribute("name");
  } else if (!text) {
    const tag = element.tagName;
    const clickable = element.closest("button, a, [role=button], [role=menuitem], label, summary") ?? (tag === "BUTTON" || tag === "A" ? element : null);
    // Typed text lives in the text of a contenteditable region, and a textarea's text is its value: never a label.
    if (clickable && !clickable.querySelector(`textarea, ${EDITABLE_REGION}`)) text = clickable.textContent;
  }
  const cleaned = text?.replace(/\s+/g, " ").trim();
  return cleaned ? truncate(cleaned, MAX_LABEL_CHARS) : undefined;
}

function capture(event: Event): void {
  try {
    const time = new Date().toISOString();
    // A document listener sees `event.target` retargeted to the outermost shadow host; the composed
    // path starts at the element really used, inside open shadow roots (closed ones stay hidden).
    const path = (event.composedPath ? event.composedPath() : [event.target]).filter(isElement);
    const element = path[0];
    if (!element) {
      latest = { snapshot: { type: event.type, time }, capturedAtMs: Date.now() };
      return;
    }
    if (path.some((node) => node.hasAttribute(REDACT_ATTRIBUTE))) {
      latest = { snapshot: { type: event.type, time, redacted: true }, capturedAtMs: Date.now() };
      return;
    }
    const snapshot: DomEventSnapshot = { type: event.type, target: selectorOf(element), time };
    const label = labelOf(element);
    if (label) snapshot.label = label;
    if (event.type === "click" && "clientX" in event) {
      snapshot.x = Math.round((event as MouseEvent).clientX);
      snapshot.y = Math.round((event as MouseEvent).clientY);
    }
    if (event.type === "keydown" && !mayHoldTyping(element, path)) snapshot.key = (event as KeyboardEvent).key;
    latest = { snapshot, capturedAtMs: Date.now() };
  } catch {
    // Telemetry must never break the page's own event handling.
  }
}

/**
 * Starts capturing the last user event (capture phase, on `document`) and
 * returns a release function. Listeners are installed once however many
 * providers retain them, and removed when the last one releases.
 */
export function retainDomEventCapture(): () => void {
  if (typeof document === "undefined") return () => {};
  if (retainCount === 0) {
    for (const type of CAPTURED_EVENT_TYPES) document.addEventListener(type, capture, { capture: true, passive: true });
  }
  retainCount += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    retainCount -= 1;
    if (retainCount === 0) {
      for (const type of CAPTURED_EVENT_TYPES) document.removeEventListener(type, capture, { capture: true });
      latest = null;
    }
  };
}

/** The last user event if it happened within {@link DOM_EVENT_MAX_AGE_MS}. */
export function recentDomEvent(nowMs: number = Date.now()): DomEventSnapshot | undefined {
  if (!latest || nowMs - latest.capturedAtMs > DOM_EVENT_MAX_AGE_MS) return undefined;
  return { ...latest.snapshot };
}
