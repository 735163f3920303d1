// Stands in for the `cn` every shadcn/ui project has at @/lib/utils, so the registry component type-checks here.
export function cn(...inputs: Array<string | false | null | undefined>): string {
  return inputs.filter(Boolean).join(" ");
}
