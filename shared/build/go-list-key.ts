/**
 * How a changed file (against HEAD) can bear on what `go list -deps` answers:
 * - a `.go` file by its header (shared/build/go-file-header.ts: build constraints, package clause,
 *   imports, embeds), or by being deleted;
 * - a module file (go.mod, go.sum, go.work, go.work.sum, vendor/modules.txt, anywhere) by its content;
 * - any other file only by being new or deleted (a pattern of //go:embed may match it); a change to
 *   its content moves no package, import or embedded file name.
 * Undefined when it cannot bear on the answer at all.
 */
export type GoListFileState = { kind: 'go-header'; hash: string } | { kind: 'module-file'; hash: string } | { kind: 'new' } | { kind: 'deleted' };

/** Files whose content decides modules and versions: cmd/go reads them wherever a module or workspace starts. */
export const moduleFileNames = ['go.mod', 'go.sum', 'go.work', 'go.work.sum', 'modules.txt'] as const;

export function isModuleFile(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return (moduleFileNames as readonly string[]).includes(name);
}

export interface GoListKeyInputs {
  /** HEAD's commit: the committed .go files, their imports and the module files are fixed by it. */
  head: string;
  /** The go list invocations an artefact's packages come from: the patterns and whether with -test. */
  invocations: readonly { patterns: readonly string[]; tests: boolean }[];
  /** The go version and every variable named GO… or CGO_… go list runs with (GOOS, GOARCH, GOFLAGS with its -tags, GOTOOLCHAIN…). */
  goEnv: Record<string, string>;
  /** The changed files (tracked and changed, untracked, deleted) that can bear on the answer, and how. */
  files: Record<string, GoListFileState>;
}

const sorted = (record: Record<string, string>): string[] =>
  Object.keys(record)
    .sort()
    .map((key) => `${key}=${record[key]}`);

const stateText = (state: GoListFileState): string => ('hash' in state ? `${state.kind}:${state.hash}` : state.kind);

/**
 * The canonical text a go list answer is cached under: equal texts mean go list would answer the
 * same (as far as the packages, their folders, imports and embedded files go), so it need not run.
 */
export function goListKeyMaterial(inputs: GoListKeyInputs): string {
  return [
    'studio-go-list/1',
    `head ${inputs.head}`,
    ...inputs.invocations.map((call) => `list ${call.tests ? '-test ' : ''}${JSON.stringify(call.patterns)}`),
    ...sorted(inputs.goEnv).map((line) => `env ${line}`),
    ...sorted(Object.fromEntries(Object.entries(inputs.files).map(([file, state]) => [file, stateText(state)]))).map((line) => `file ${line}`),
  ].join('\n');
}
