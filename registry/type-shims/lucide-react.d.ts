// The two icons the registry component uses, typed as lucide-react types them (installed in the user's app).
declare module "lucide-react" {
  import type { ComponentType, SVGProps } from "react";
  export const ThumbsUp: ComponentType<SVGProps<SVGSVGElement>>;
  export const ThumbsDown: ComponentType<SVGProps<SVGSVGElement>>;
}
