// lucide-react's two icons, for rendering the registry component in tests (the user's app installs the real package).
export const ThumbsUp = () => <svg data-icon="thumbs-up" />;
export const ThumbsDown = () => <svg data-icon="thumbs-down" />;
