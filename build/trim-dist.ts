import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path";

/**
 * After tsup: the tarball ships only what the exports map reaches, and `"use client"` stays only on files
 * that hold React code (a Vue or plain-JS build of `/core` otherwise prints a MODULE_LEVEL_DIRECTIVE
 * warning per file). Every other step of the build stays tsup's.
 */

const DIRECTIVE_LINE = '"use client";\n';
/** Bare imports that make a file React code. */
const REACT_MODULE = /^(react|react-dom)(\/|$)|^@radix-ui\//;
const IMPORT = /(?:^|[\s;}])(?:import|export)\s*(?:[\w*${}\s,]*?\bfrom\s*)?["']([^"']+)["']|\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g;

interface BuiltFile {
  code: string;
  relativeImports: string[];
  importsReact: boolean;
}

async function readBuiltFile(dir: string, file: string): Promise<BuiltFile> {
  const code = await readFile(join(dir, file), "utf8");
  const relativeImports: string[] = [];
  let importsReact = false;
  for (const match of code.matchAll(IMPORT)) {
    const specifier = (match[1] ?? match[2])!;
    if (specifier.startsWith(".")) relativeImports.push(normalize(join(dirname(file), specifier)));
    else if (REACT_MODULE.test(specifier)) importsReact = true;
  }
  return { code, relativeImports, importsReact };
}

/**
 * Deletes the files of one tsup build (`built`, paths under `dir`) that no entry reaches, with their maps,
 * and takes `"use client"` off the reached files whose code, with all it imports, never touches React.
 * Returns the files kept.
 */
export async function trimBuild(dir: string, built: string[], entries: string[]): Promise<string[]> {
  const files = new Map<string, BuiltFile>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file) || !built.includes(file)) continue;
    const read = await readBuiltFile(dir, file);
    files.set(file, read);
    pending.push(...read.relativeImports);
  }
  await Promise.all(built.filter((file) => !files.has(file)).flatMap((file) => [rm(join(dir, file), { force: true }), rm(join(dir, `${file}.map`), { force: true })]));

  const holdsReact = new Map<string, boolean>();
  const reachesReact = (file: string, trail: Set<string> = new Set()): boolean => {
    const known = holdsReact.get(file);
    if (known !== undefined) return known;
    const read = files.get(file);
    if (!read || trail.has(file)) return false;
    trail.add(file);
    const answer = read.importsReact || read.relativeImports.some((imported) => reachesReact(imported, trail));
    holdsReact.set(file, answer);
    return answer;
  };
  for (const [file, read] of files) {
    await trimFile(dir, file, read.code, !reachesReact(file));
  }
  return [...files.keys()];
}

/** Drops the directive (its line, and that line in the map) and a map that maps nothing. */
async function trimFile(dir: string, file: string, code: string, dropDirective: boolean): Promise<void> {
  const mapPath = join(dir, `${file}.map`);
  const map = JSON.parse(await readFile(mapPath, "utf8").catch(() => "null")) as { sources: string[]; mappings: string } | null;
  let next = code;
  if (dropDirective && next.startsWith(DIRECTIVE_LINE)) {
    next = next.slice(DIRECTIVE_LINE.length);
    if (map) map.mappings = map.mappings.replace(/^;/, "");
  }
  if (map && map.sources.length === 0) {
    // A chunk of type-only modules: nothing to map, so no stub map.
    next = next.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
    await rm(mapPath, { force: true });
  } else if (map && next !== code) {
    await writeFile(mapPath, JSON.stringify(map));
  }
  if (next !== code) await writeFile(join(dir, file), next);
}

/** The files under `dir` (paths relative to it) that `keep` accepts. */
export async function listBuilt(dir: string, keep: (file: string) => boolean): Promise<string[]> {
  return (await readdir(dir, { recursive: true, encoding: "utf8" })).filter(keep);
}
