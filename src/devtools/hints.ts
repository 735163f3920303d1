import type { LoggedSignal } from "./signal-log";

/** Session ids that are a placeholder, not an id the server used (the console diagnostics' list, and a few more). */
const PLACEHOLDER_SESSION = /^(|undefined|null|session|feedback|session[-_ ]?id|test|todo|xxx+|your[-_ ]?session[-_ ]?id|<.*>|\{.*\}|\$\{.*\})$/i;

/** What most likely went wrong with this signal, in a sentence the developer can act on; undefined when nothing did (or the panel cannot tell). */
export function hintFor(row: LoggedSignal): string | undefined {
  const last = row.events[row.events.length - 1]!;
  const httpStatus = [...row.events].reverse().find((e) => e.httpStatus)?.httpStatus;
  const error = row.events.map((e) => e.error ?? "").join(" ");
  const sessionId = row.signal.session_id;
  if (/Invalid feedback signal/.test(error)) return `The signal is invalid and was never sent: ${last.error}. Fix the field it names.`;
  if (httpStatus == 401 || httpStatus == 403)
    return `The API refused the key (HTTP ${httpStatus}). Use the project's publishable key (pk-kelet-...), not a secret one, and check it belongs to this project and is not revoked.`;
  if (httpStatus == 404) return `HTTP 404: the project "${row.project}" was not found. Check the project name in Kelet (it is case-sensitive) and the baseUrl (${row.baseUrl}).`;
  if (/storage full|storage is unavailable/.test(error)) return "Browser storage is full or unavailable: signals that cannot leave now cannot be kept for the next visit.";
  if (/blocked/.test(error)) return `Nothing got through to ${row.baseUrl} for minutes (a blocked endpoint: an ad blocker, a firewall or a proxy). Try with extensions off, or send through your own domain with baseUrl.`;
  if (/network error|Failed to fetch|Load failed|NetworkError|timed out/i.test(error))
    return `No answer from ${row.baseUrl}: the host is unreachable, or the browser blocked the answer (CORS: the API must allow this page's origin). Open the browser's network tab for the request's status.`;
  if (sessionId != null && PLACEHOLDER_SESSION.test(String(sessionId).trim()))
    return `session_id is ${JSON.stringify(sessionId)}, a placeholder: Kelet cannot tie this signal to a conversation. Pass the id your server gave agentic_session(session_id=...).`;
}
