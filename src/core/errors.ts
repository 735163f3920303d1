/** What was thrown or rejected, as an Error (a handler may throw anything). */
export function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** A signal that breaks the contract: never sent, and `field` names what is wrong. */
export class SignalValidationError extends Error {
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`Invalid feedback signal: "${field}" ${problem}`);
    this.name = "SignalValidationError";
    this.field = field;
  }
}

/** The API answered with a final non-2xx status (or no usable answer at all). */
export class FeedbackSubmitError extends Error {
  /** The HTTP status, when the response carried one. */
  readonly status: number | undefined;
  constructor(statusText: string, status?: number) {
    // The message is the 1.3 package's, which apps may match on.
    super(`Failed to submit feedback: ${statusText}`);
    this.name = "FeedbackSubmitError";
    this.status = status;
  }
}

/** The provider is set up in a way that can never deliver (no key, a secret key, no project). */
export class KeletConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeletConfigError";
  }
}
