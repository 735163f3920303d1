import { useRef, useState, type FormEvent } from "react";
import { AnswerFeedback } from "./AnswerFeedback";
import { AssistantAnswer } from "./AssistantAnswer";
import type { ConversationSession } from "./App";
import { callAgent } from "./session";

interface Message {
  id: number;
  role: "user" | "assistant";
  text: string;
  /** For answers: the session the server ran the agent under (from `X-Session-ID`). */
  sessionId?: string;
  /** For answers: streaming has finished. */
  done?: boolean;
}

export function Chat({
  session,
  suggestedQuestions,
  onServerSession,
}: {
  session: ConversationSession;
  suggestedQuestions: string[];
  onServerSession: (id: string | null) => void;
}) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [question, setQuestion] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const nextId = useRef(1);

  const patch = (id: number, change: Partial<Message>) =>
    setMessages((list) => list.map((message) => (message.id === id ? { ...message, ...change } : message)));

  async function ask(text: string) {
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    setProblem("");
    setQuestion("");
    const answerId = nextId.current + 1;
    setMessages((list) => [...list, { id: nextId.current, role: "user", text: trimmed }, { id: answerId, role: "assistant", text: "" }]);
    nextId.current += 2;
    try {
      const { response, sessionId } = await callAgent("/api/chat", { message: trimmed }, session.id);
      // The header arrives before the streamed body: the answer knows its session while it streams.
      onServerSession(sessionId);
      patch(answerId, { sessionId: sessionId ?? session.id });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let answer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        answer += decoder.decode(value, { stream: true });
        patch(answerId, { text: answer });
      }
      patch(answerId, { text: answer + decoder.decode(), done: true });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setMessages((list) => list.filter((message) => message.id !== answerId));
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void ask(question);
  };

  return (
    <section className="card chat" aria-labelledby="chat-title">
      <h2 id="chat-title">Support chat</h2>
      <ol className="messages" aria-live="polite">
        {messages.length === 0 ? <li className="empty">Ask a question, or pick one below.</li> : null}
        {messages.map((message) => (
          <li key={message.id} className={`message ${message.role}`} data-testid={message.role === "assistant" ? "answer" : undefined}>
            <span className="visually-hidden">{message.role === "user" ? "You:" : "Assistant:"}</span>
            {message.role === "assistant" ? (
              // Streaming once the server confirmed the session (X-Session-ID), until the last chunk.
              <AssistantAnswer sessionId={message.sessionId ?? session.id} answerId={message.id} text={message.text} streaming={Boolean(message.sessionId) && !message.done} />
            ) : (
              <p>{message.text}</p>
            )}
            {message.role === "assistant" && message.done && message.sessionId ? (
              <AnswerFeedback sessionId={message.sessionId} answerId={message.id} />
            ) : null}
          </li>
        ))}
      </ol>
      {problem ? (
        <p role="alert" className="inline-error">
          {problem}
        </p>
      ) : null}
      <div className="suggestions">
        {suggestedQuestions.map((suggestion) => (
          <button key={suggestion} type="button" className="chip" disabled={busy} onClick={() => void ask(suggestion)}>
            {suggestion}
          </button>
        ))}
      </div>
      <form className="ask" onSubmit={onSubmit}>
        <label className="visually-hidden" htmlFor="question">
          Ask the assistant
        </label>
        <input id="question" value={question} placeholder="Ask about refunds, passwords or shipping…" onChange={(event) => setQuestion(event.target.value)} />
        <button type="submit" className="primary-button" disabled={busy || question.trim() === ""}>
          Send
        </button>
      </form>
    </section>
  );
}
