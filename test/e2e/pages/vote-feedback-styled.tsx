import { createRoot } from "react-dom/client";
import { KeletProvider } from "../../../src/provider/kelet-provider";
import { VoteFeedback } from "../../../src/vote-feedback";

declare const SIGNAL_ORIGIN: string;

const css = `
  body { font: 15px/1.5 system-ui, sans-serif; background: #f6f7f9; color: #1c2024; margin: 0; padding: 32px; }
  .answer { max-width: 520px; background: white; border-radius: 12px; padding: 20px 24px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  .votes { display: flex; gap: 8px; margin-top: 12px; }
  .vote { border: 1px solid #d0d5dd; background: white; border-radius: 8px; padding: 6px 12px; font-size: 16px; cursor: pointer; }
  .vote[data-state="on"] { background: #eef4ff; border-color: #3e63dd; color: #3e63dd; }
  .vote[data-submitting] { opacity: .6; }
  .popover { width: 320px; background: white; border: 1px solid #d0d5dd; border-radius: 12px; padding: 14px;
             box-shadow: 0 10px 30px rgba(0,0,0,.15); display: grid; gap: 10px; }
  .popover[data-state="open"] { animation: pop-in 120ms ease-out; }
  @keyframes pop-in { from { opacity: 0; transform: translateY(-4px) } to { opacity: 1; transform: none } }
  .reasons { display: flex; gap: 6px; flex-wrap: wrap; }
  .reason { border: 1px solid #d0d5dd; border-radius: 999px; background: white; padding: 2px 10px; font-size: 13px; cursor: pointer; }
  .reason[data-state="on"] { background: #3e63dd; color: white; border-color: #3e63dd; }
  textarea { font: inherit; border: 1px solid #d0d5dd; border-radius: 8px; padding: 8px; resize: vertical; }
  textarea:focus { outline: 2px solid #3e63dd; outline-offset: 1px; }
  .submit { justify-self: end; background: #3e63dd; color: white; border: 0; border-radius: 8px; padding: 6px 14px; cursor: pointer; }
`;

/** A thumb icon (the system Chromium here has no emoji font). */
function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" style={{ transform: down ? "rotate(180deg)" : undefined, display: "block" }}>
      <path fill="currentColor" d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z" />
    </svg>
  );
}

function App() {
  return (
    <KeletProvider apiKey="pk_page" project="screenshot" baseUrl={SIGNAL_ORIGIN}>
      <style>{css}</style>
      <div className="answer">
        <p>The capital of Australia is Sydney, the largest city in the country.</p>
        <VoteFeedback.Root session_id="screenshot-session" trigger_name="user-vote">
          <div className="votes">
            <VoteFeedback.UpvoteButton className="vote"><Thumb /></VoteFeedback.UpvoteButton>
            <VoteFeedback.DownvoteButton className="vote"><Thumb down /></VoteFeedback.DownvoteButton>
          </div>
          <VoteFeedback.Popover className="popover" side="bottom" align="start" sideOffset={8}>
            <div className="reasons">
              {["Wrong", "Too long", "Not relevant"].map((reason) => (
                <VoteFeedback.Reason key={reason} value={reason} className="reason" />
              ))}
            </div>
            <VoteFeedback.Textarea />
            <VoteFeedback.SubmitButton className="submit">
              {({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}
            </VoteFeedback.SubmitButton>
          </VoteFeedback.Popover>
        </VoteFeedback.Root>
      </div>
    </KeletProvider>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
