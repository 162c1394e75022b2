/**
 * Where the Kubernetes build leaves a host binary, as hack/lib/util.sh's find-binary looks for it:
 * the _output/bin link, the dockerized and local per-platform folders. The newest one wins.
 */
export function binaryLocations(name: string, os: string, arch: string): string[] {
  const platform = `${os}/${arch}`;
  return [`_output/bin/${name}`, `_output/dockerized/bin/${platform}/${name}`, `_output/local/bin/${platform}/${name}`, `platforms/${platform}/${name}`];
}
