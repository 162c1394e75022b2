import type { SourceFacts } from './source-facts.js';

export interface ToolchainInputs {
  /** The checkout's .go-version, e.g. "1.26.8". */
  goVersionFile?: string;
  /** `go version` of the go on PATH, e.g. "go1.26.8". */
  localGo?: string;
  /** GOTOOLCHAIN and FORCE_HOST_GO as the build will see them. */
  gotoolchain?: string;
  forceHostGo?: string;
}

/**
 * Which Go the Kubernetes build will use, decided the way hack/lib/golang.sh decides it:
 * an explicit GOTOOLCHAIN wins; FORCE_HOST_GO means the local go; otherwise GOTOOLCHAIN=go<.go-version>,
 * which Go downloads (through the module proxy) when the local go is a different version.
 */
export function toolchainPlan(inputs: ToolchainInputs): SourceFacts['toolchain'] {
  const wanted = inputs.goVersionFile ? `go${inputs.goVersionFile.trim().replace(/^go/, '')}` : undefined;
  if (inputs.gotoolchain && inputs.gotoolchain !== 'auto') {
    return { version: inputs.gotoolchain, action: 'env', note: `GOTOOLCHAIN=${inputs.gotoolchain} is set, so the build uses it as it is.` };
  }
  if (inputs.forceHostGo) {
    return { version: inputs.localGo, action: 'local', note: `FORCE_HOST_GO is set: the build uses the local ${inputs.localGo ?? 'go'}${wanted && wanted !== inputs.localGo ? `, although the tree asks for ${wanted}` : ''}.` };
  }
  if (!wanted) return { version: inputs.localGo, action: 'unknown', note: 'The checkout has no .go-version; the build will use the local go.' };
  if (!inputs.localGo) return { version: wanted, action: 'download', note: `No go found; install Go, which will then fetch ${wanted} for the build.` };
  if (inputs.localGo === wanted) return { version: wanted, action: 'local', note: `The local ${inputs.localGo} is exactly what .go-version asks for.` };
  return { version: wanted, action: 'download', note: `The tree asks for ${wanted}; the local go is ${inputs.localGo}, so Go will download ${wanted} (GOTOOLCHAIN=${wanted}) on the first build.` };
}
