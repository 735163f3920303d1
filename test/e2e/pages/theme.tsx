import { createRoot } from "react-dom/client";

/** The parts' markup with the documented classes and data attributes, themed by styles.css (added by the test). */
function Widget({ id }: { id: string }) {
  return (
    <div id={id}>
      <div className="kelet-vote">
        <button type="button" className="kelet-vote-button kelet-upvote" data-state="on" aria-label="Upvote feedback">
          +
        </button>
        <button type="button" className="kelet-vote-button kelet-downvote" data-state="off" aria-label="Downvote feedback">
          -
        </button>
      </div>
      <div className="kelet-popover" data-state="open" role="dialog">
        <div className="kelet-reasons">
          <button type="button" className="kelet-reason" data-state="on">
            Wrong
          </button>
        </div>
        <textarea className="kelet-textarea" aria-label="Additional feedback" />
        <button type="button" className="kelet-submit">
          Submit
        </button>
      </div>
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <>
    <Widget id="plain" />
    <div data-theme="dark">
      <Widget id="forced-dark" />
    </div>
    <div data-theme="light">
      <Widget id="forced-light" />
    </div>
  </>,
);
