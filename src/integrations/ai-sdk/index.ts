export { useKeletChat } from "./use-kelet-chat";
export { sessionIdFromMetadata } from "./session-id-from-metadata";
export type { ChatLike, ChatMessageLike, KeletChatOptions } from "./types";
