// @ts-check
// Canned "AI" output: the demo needs no model and no key.

/** @type {Array<{ topic: RegExp, answer: string }>} */
const ANSWERS = [
  {
    topic: /refund|money back|return/i,
    answer:
      "You can ask for a refund within 30 days of purchase. Open Orders, choose the order and press \"Request refund\". " +
      "The money goes back to the original payment method within 5 to 7 business days.",
  },
  {
    topic: /password|log ?in|sign ?in|account/i,
    answer:
      "To reset your password, open the sign-in page and press \"Forgot password\". We email you a link that works for one hour. " +
      "If no email arrives, check your spam folder or ask us to resend it.",
  },
  {
    topic: /ship|deliver|track/i,
    answer:
      "Standard shipping takes 3 to 5 business days and express shipping 1 to 2. " +
      "Every order gets a tracking link by email as soon as it leaves the warehouse.",
  },
];

const FALLBACK_ANSWER =
  "I am a canned demo assistant, so I only know about refunds, passwords and shipping. " +
  "Vote on this answer anyway: the signal still reaches the inbox with this conversation's session id.";

/** The suggested questions the page offers. */
export const SUGGESTED_QUESTIONS = ["How do I get a refund?", "I forgot my password", "How long does shipping take?"];

/** @param {string} question */
export function answerFor(question) {
  return ANSWERS.find(({ topic }) => topic.test(question))?.answer ?? FALLBACK_ANSWER;
}

/** The reply the AI drafts for a support agent to edit before sending. */
export const DRAFT_REPLY =
  "Hi Sam,\n\nThanks for reaching out. Your refund for order #4821 has been approved and will reach your card within 5 to 7 business days.\n\nBest regards,\nThe Support Team";

/** The follow-up steps the AI proposes for the checklist. */
export const CHECKLIST_ITEMS = ["Confirm the order number with the customer", "Approve the refund in the billing tool", "Send the confirmation email"];

/**
 * Splits an answer into the chunks it is streamed in (a few words each).
 * @param {string} text
 */
export function streamChunks(text) {
  return text.match(/\S+\s*/g) ?? [text];
}
