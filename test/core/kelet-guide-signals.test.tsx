import { render } from "@testing-library/react";
import { useEffect } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import {
  KeletProvider,
  SignalKind,
  SignalSource,
  SignalValidationError,
  useKeletSignal,
  type FeedbackData,
  type FeedbackFunction,
} from "../../src";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();
beforeEach(() => resetLogOnce());

/** The provider's send function, as an app's component gets it from `useKeletSignal()`. */
function renderSendSignal(onError: (error: Error, signal: FeedbackData) => void = () => {}): FeedbackFunction {
  let sendSignal: FeedbackFunction | undefined;
  function CopyButton() {
    const send = useKeletSignal();
    useEffect(() => {
      sendSignal = send;
    });
    return null;
  }
  render(
    <KeletProvider apiKey="pk-kelet-9fXa2Lq" project="p" baseUrl={server.origin} onError={onError}>
      <CopyButton />
    </KeletProvider>,
  );
  return sendSignal!;
}

function sentBody(index = 0): Record<string, unknown> {
  return JSON.parse(server.requests[index]!.body) as Record<string, unknown>;
}

describe("signals written the way Kelet's guide writes them", () => {
  it("sends kind: 'EVENT', source: 'HUMAN' from useKeletSignal, lowercase", async () => {
    const sendSignal = renderSendSignal();
    await sendSignal({ session_id: "sess-1", kind: "EVENT", source: "HUMAN", trigger_name: "user-copy" });
    expect(sentBody()).toMatchObject({ session_id: "sess-1", kind: "event", source: "human", trigger_name: "user-copy" });
  });

  it("sends kind: 'FEEDBACK' with a score, as the guide's abandon example does", async () => {
    const sendSignal = renderSendSignal();
    await sendSignal({ session_id: "sess-1", kind: "FEEDBACK", source: "HUMAN", trigger_name: "user-abandon", score: 0.0 });
    expect(sentBody()).toMatchObject({ kind: "feedback", source: "human", score: 0 });
  });

  it("accepts any case of every kind and source, and sends it lowercase", async () => {
    const sendSignal = renderSendSignal();
    const kinds = ["Feedback", "EDIT", "event", "Metric", "ARBITRARY", "eVeNt"];
    const sources = ["Human", "LABEL", "synthetic", "Label", "SYNTHETIC", "hUmAn"];
    for (let i = 0; i < kinds.length; i++) {
      await sendSignal({ session_id: "s", kind: kinds[i] as SignalKind, source: sources[i] as SignalSource });
    }
    expect(server.requests.map((_, i) => [sentBody(i).kind, sentBody(i).source])).toEqual(
      kinds.map((kind, i) => [kind.toLowerCase(), sources[i]!.toLowerCase()]),
    );
  });

  it("exports SignalKind and SignalSource as values, the way Kelet's server SDK does", async () => {
    expect(SignalKind).toEqual({ FEEDBACK: "feedback", EDIT: "edit", EVENT: "event", METRIC: "metric", ARBITRARY: "arbitrary" });
    expect(SignalSource).toEqual({ HUMAN: "human", LABEL: "label", SYNTHETIC: "synthetic" });
    const sendSignal = renderSendSignal();
    await sendSignal({ session_id: "s", kind: SignalKind.METRIC, source: SignalSource.SYNTHETIC, score: 0.5 });
    expect(sentBody()).toMatchObject({ kind: "metric", source: "synthetic" });
  });

  it("refuses an unknown kind with an error that names the field and lists every accepted value", async () => {
    const onError = vi.fn();
    const sendSignal = renderSendSignal(onError);
    const sent = sendSignal({ session_id: "s", kind: "VOTE" as SignalKind });
    await expect(sent).rejects.toBeInstanceOf(SignalValidationError);
    await expect(sent).rejects.toThrow(/"kind" must be one of feedback, edit, event, metric, arbitrary, in any case \(got "VOTE"\)/);
    await expect(sendSignal({ session_id: "s", source: "robot" as SignalSource })).rejects.toThrow(/"source" must be one of human, label, synthetic/);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(server.requests).toHaveLength(0);
  });
});

describe("a signal identified by its trace alone", () => {
  it("is sent with trace_id and without any session_id field", async () => {
    const sendSignal = renderSendSignal();
    await sendSignal({ trace_id: "trace-abc", kind: "EVENT", trigger_name: "user-copy" } as FeedbackData);
    const body = sentBody();
    expect(body).toMatchObject({ trace_id: "trace-abc", kind: "event", source: "human", trigger_name: "user-copy" });
    expect(body).not.toHaveProperty("session_id");
  });

  it("drops a blank session_id when the trace identifies the signal", async () => {
    const sendSignal = renderSendSignal();
    await sendSignal({ session_id: "", trace_id: "trace-abc", score: 1 });
    expect(sentBody()).not.toHaveProperty("session_id");
    expect(sentBody()).toMatchObject({ trace_id: "trace-abc", score: 1 });
  });

  it("keeps the session_id when both are given", async () => {
    const sendSignal = renderSendSignal();
    await sendSignal({ session_id: "sess-1", trace_id: "trace-abc", score: 1 });
    expect(sentBody()).toMatchObject({ session_id: "sess-1", trace_id: "trace-abc" });
  });

  it("is refused, naming session_id and mentioning trace_id, when both are missing", async () => {
    const sendSignal = renderSendSignal();
    for (const signal of [{ score: 1 }, { trace_id: "", score: 1 }, { session_id: " ", trace_id: "  " }] as FeedbackData[]) {
      const sent = sendSignal(signal);
      await expect(sent).rejects.toBeInstanceOf(SignalValidationError);
      await expect(sent).rejects.toMatchObject({ field: "session_id" });
      await expect(sent).rejects.toThrow(/"session_id" must be a non-empty string.*trace_id/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("still refuses a session_id that is not a string, even with a trace", async () => {
    const sendSignal = renderSendSignal();
    await expect(sendSignal({ session_id: 42, trace_id: "t" } as unknown as FeedbackData)).rejects.toMatchObject({ field: "session_id" });
  });
});
