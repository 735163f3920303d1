import { createRoot } from "react-dom/client";
import { KeletProvider } from "../../../src/provider/kelet-provider";
import { VoteFeedback } from "../../../src/vote-feedback";

declare const SIGNAL_ORIGIN: string;

/** One answer whose vote the library remembers across reloads (`persistVote`). */
function App() {
  return (
    <KeletProvider apiKey="pk_page" project="persist" baseUrl={SIGNAL_ORIGIN}>
      <p>The capital of Australia is Canberra.</p>
      <VoteFeedback.Root session_id="persisted-session" trigger_name="user-vote" persistVote>
        <VoteFeedback.UpvoteButton>up</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>down</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover>
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>
    </KeletProvider>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
