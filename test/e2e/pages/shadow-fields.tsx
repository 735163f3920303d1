import { createRoot } from "react-dom/client";
import { KeletProvider } from "../../../src/provider/kelet-provider";
import { useKeletSignal } from "../../../src/provider/use-kelet-signal";

declare const SIGNAL_ORIGIN: string;

/** What a design system's web components look like from the page: fields inside shadow roots. */
function defineField(tag: string, mode: ShadowRootMode, inner: string) {
  customElements.define(
    tag,
    class extends HTMLElement {
      constructor() {
        super();
        const root = this.attachShadow({ mode });
        root.innerHTML = inner;
        // The test reaches into closed roots through this handle, as the component's own code could.
        (this as unknown as { field: Element | null }).field = root.querySelector("[data-field]");
      }
    },
  );
}

defineField("open-login", "open", `<label>Password <input data-field type="password" aria-label="Open password"></label>`);
defineField("closed-login", "closed", `<input data-field type="password" aria-label="Closed password">`);
defineField("open-notes", "open", `<div data-field contenteditable="true" aria-label="Notes"><p>draft</p></div>`);
defineField("open-toolbar", "open", `<button data-field type="button">Go</button>`);
defineField("redacted-card", "open", `<div data-kelet-redact><button data-field type="button">Delete account of Jane</button></div>`);

function ClosedDivHost() {
  return (
    <div
      id="closed-div-host"
      ref={(host) => {
        if (!host || host.shadowRoot || (host as unknown as { field?: Element }).field) return;
        const root = host.attachShadow({ mode: "closed" });
        root.innerHTML = `<input data-field type="text" aria-label="Card number">`;
        (host as unknown as { field: Element | null }).field = root.querySelector("[data-field]");
      }}
    />
  );
}

/** Sends one signal while the next user event of `type` is handled, so `$dom_event` is that event. */
function Sender() {
  const feedback = useKeletSignal();
  (window as unknown as { sendSignalDuring: (type: string, trigger: string) => void }).sendSignalDuring = (type, trigger) =>
    document.addEventListener(type, () => void feedback({ session_id: "shadow-session", score: 1, trigger_name: trigger }), { once: true });
  return null;
}

const fields = ["open-login", "closed-login", "open-notes", "open-toolbar", "redacted-card"];

createRoot(document.getElementById("root")!).render(
  <KeletProvider apiKey="pk_page" project="e2e" baseUrl={SIGNAL_ORIGIN}>
    <Sender />
    {fields.map((tag) => {
      const Tag = tag as unknown as "div";
      return <Tag key={tag} id={tag} />;
    })}
    <ClosedDivHost />
  </KeletProvider>,
);
