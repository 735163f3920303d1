export { useKeletChat } from "./useKeletChat";
export { sessionIdFromMetadata } from "./session-id-from-metadata";
export type { ChatLike, ChatMessageLike, KeletChatOptions } from "./types";
