/**
 * One package an artefact is built from, as `go list -deps` names it, with what decides whether a
 * change in the checkout touches it.
 */
export interface GoPackage {
  /** go list's ImportPath: a test build's variants carry a suffix, "k8s.io/kubernetes/test/e2e [k8s.io/kubernetes/test/e2e.test]". */
  id: string;
  /** Its folder relative to the checkout ("." for the root); only packages inside the checkout are kept. */
  dir: string;
  /** The ids of the packages it imports (those outside the checkout are simply not among the packages). */
  imports: string[];
  /** Files it embeds (//go:embed), relative to the checkout; they may lie in sub-folders. */
  embeds: string[];
  /** Named on the go list command line, not only a dependency. */
  root: boolean;
}

/** The folder a checkout-relative file path sits in directly ("." at the top). */
export function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}
