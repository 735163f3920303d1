// @ts-check
// A local stand-in for Kelet's signal endpoint: it checks each request the way
// the real API does, keeps what it receives in memory and tells listeners.

const KINDS = ["feedback", "edit", "event", "metric", "arbitrary"];
const SOURCES = ["human", "label", "synthetic"];
const STRING_FIELDS = ["trigger_name", "value", "trace_id", "timestamp"];
/** Kelet's publishable key forms, newest first. */
const PUBLISHABLE_PREFIXES = ["pk-kelet-", "pk_"];
/** The most a signal body may weigh, like the real API's request limit. */
export const MAX_SIGNAL_BODY_BYTES = 256 * 1024;

/**
 * @typedef {object} InboxRecord
 * @property {number} id            order of arrival, from 1
 * @property {string} receivedAt    ISO time the request arrived
 * @property {string} project       the project from the URL path
 * @property {number} status        what the inbox answered: 200, 401, 413 or 422
 * @property {string} [reason]      why it was refused
 * @property {Record<string, unknown> | null} body  the parsed body (null when it was not JSON)
 * @property {boolean} knownSession true when the chat server issued this session_id
 */

/**
 * Why a signal body would be refused, or undefined when it is valid.
 * @param {unknown} body
 * @returns {string | undefined}
 */
export function signalBodyProblem(body) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return "body must be a JSON object";
  const signal = /** @type {Record<string, unknown>} */ (body);
  // Like Kelet's server SDKs: a session_id, or a trace_id instead.
  const hasTrace = typeof signal.trace_id === "string" && signal.trace_id.trim() !== "";
  if (signal.session_id !== undefined || !hasTrace) {
    if (typeof signal.session_id !== "string" || signal.session_id.trim() === "") return "session_id must be a non-empty string (or send trace_id instead)";
  }
  // Kinds and sources in any case, as the server SDKs accept them.
  if (signal.kind !== undefined && !KINDS.includes(String(signal.kind).toLowerCase())) return `kind must be one of ${KINDS.join(", ")}, in any case`;
  if (signal.source !== undefined && !SOURCES.includes(String(signal.source).toLowerCase())) {
    return `source must be one of ${SOURCES.join(", ")}, in any case`;
  }
  for (const field of ["score", "confidence"]) {
    const value = signal[field];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1)) {
      return `${field} must be a number between 0 and 1 (got ${JSON.stringify(value)})`;
    }
  }
  for (const field of STRING_FIELDS) {
    if (signal[field] !== undefined && typeof signal[field] !== "string") return `${field} must be a string`;
  }
  if (typeof signal.timestamp === "string" && Number.isNaN(Date.parse(signal.timestamp))) return "timestamp must be an ISO 8601 date";
  if (signal.metadata !== undefined && (signal.metadata === null || typeof signal.metadata !== "object" || Array.isArray(signal.metadata))) {
    return "metadata must be a JSON object";
  }
  return undefined;
}

/**
 * Why an Authorization header would be refused, or undefined when it carries a publishable key.
 * @param {string | undefined} header
 * @returns {string | undefined}
 */
export function authorizationProblem(header) {
  if (!header) return "missing Authorization header: send 'Authorization: Bearer pk-kelet-...'";
  const match = /^Bearer (\S+)$/.exec(header);
  if (!match) return "Authorization must be 'Bearer <key>'";
  const key = /** @type {string} */ (match[1]);
  if (isSecretKey(key)) return "a secret key (sk-kelet-... or sk_...) was sent from a browser: use the publishable pk-kelet- key";
  if (!PUBLISHABLE_PREFIXES.some((prefix) => key.startsWith(prefix))) {
    return "not a publishable key: browser signals need a pk-kelet- key (or an older pk_ key)";
  }
  return undefined;
}

/**
 * True when a key says it is secret: `sk-kelet-…`, `sk_…`, `kelet_sk_…`: the word `sk` or `secret` among its
 * first letters-only words (the library's rule, src/core/api-key.ts). A publishable key never is.
 * @param {string} key
 */
export function isSecretKey(key) {
  if (PUBLISHABLE_PREFIXES.some((prefix) => key.trim().startsWith(prefix))) return false;
  /** @type {string[]} */
  const words = [];
  for (const word of key.trim().split(/[_-]/)) {
    if (words.length === 3 || !/^[a-z]+$/i.test(word)) break;
    words.push(word.toLowerCase());
  }
  return words.includes("sk") || words.includes("secret");
}

/**
 * @param {{ isKnownSession?: (sessionId: string) => boolean, log?: (line: string) => void }} [options]
 */
export function createInbox({ isKnownSession = () => true, log = () => {} } = {}) {
  /** @type {InboxRecord[]} */
  let records = [];
  /** @type {Set<(record: InboxRecord) => void>} */
  const listeners = new Set();
  let nextId = 1;

  /**
   * Checks one request to `POST /api/projects/:project/signal` and records it.
   * @param {{ project: string, authorization: string | undefined, rawBody: string }} request
   * @returns {{ status: number, body: Record<string, unknown> }} what to answer
   */
  function receive({ project, authorization, rawBody }) {
    /** @type {Record<string, unknown> | null} */
    let body = null;
    let status = 200;
    /** @type {string | undefined} */
    let reason = authorizationProblem(authorization);
    if (reason) status = 401;
    if (!reason && Buffer.byteLength(rawBody) > MAX_SIGNAL_BODY_BYTES) {
      status = 413;
      reason = `body is over ${MAX_SIGNAL_BODY_BYTES} bytes`;
    }
    if (!reason) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        reason = "body is not valid JSON";
      }
      reason ??= signalBodyProblem(body);
      if (reason) status = 422;
    }
    const sessionId = body && typeof body.session_id === "string" ? body.session_id : "";
  const traceOnly = sessionId === "" && body !== null && typeof body.trace_id === "string";
    /** @type {InboxRecord} */
    const record = {
      id: nextId++,
      receivedAt: new Date().toISOString(),
      project,
      status,
      ...(reason ? { reason } : {}),
      body,
      // A signal identified by its trace alone has no session to be unknown.
      knownSession: traceOnly || (sessionId !== "" && isKnownSession(sessionId)),
    };
    records = [...records, record];
    log(describeRecord(record));
    for (const listener of listeners) listener(record);
    return status === 200 ? { status, body: { ok: true, id: record.id } } : { status, body: { detail: reason } };
  }

  return {
    receive,
    /** Everything received so far, oldest first. */
    records: () => records,
    clear() {
      records = [];
    },
    /** @param {(record: InboxRecord) => void} listener */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * One terminal line per signal.
 * @param {InboxRecord} record
 */
export function describeRecord(record) {
  const head = `[inbox] ${record.status} ${record.project}`;
  if (record.status !== 200) return `${head} refused: ${record.reason}`;
  const body = record.body ?? {};
  const parts = [String(body.kind ?? "feedback")];
  if (body.trigger_name !== undefined) parts.push(`trigger=${body.trigger_name}`);
  if (body.score !== undefined) parts.push(`score=${body.score}`);
  if (typeof body.confidence === "number") parts.push(`confidence=${body.confidence.toFixed(2)}`);
  if (body.session_id === undefined && body.trace_id !== undefined) parts.push(`trace=${body.trace_id} (no session_id: identified by its trace)`);
  else parts.push(`session=${body.session_id}${record.knownSession ? "" : " (no chat session has this id!)"}`);
  if (typeof body.value === "string" && body.value !== "") parts.push(`value=${JSON.stringify(body.value.length > 60 ? `${body.value.slice(0, 60)}…` : body.value)}`);
  return `${head} ${parts.join(" ")}`;
}
