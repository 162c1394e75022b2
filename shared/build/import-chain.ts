import type { GoPackage } from './go-package.js';

/**
 * How an artefact comes to be built from `target`: the shortest import chain from one of its root
 * packages to it, as folders ("test/e2e", "pkg/kubelet", "pkg/scheduler"), a test build's variants
 * of one package counted once. Empty when no root reaches it.
 */
export function importChain(packages: readonly GoPackage[], target: string): string[] {
  const byId = new Map(packages.map((p) => [p.id, p]));
  const cameFrom = new Map<string, string | undefined>();
  const queue: string[] = [];
  for (const root of packages.filter((p) => p.root)) {
    cameFrom.set(root.id, undefined);
    queue.push(root.id);
  }
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next] as string;
    if (id === target) {
      const ids: string[] = [];
      for (let at: string | undefined = id; at !== undefined; at = cameFrom.get(at)) ids.unshift(at);
      const folders = ids.map((one) => byId.get(one)?.dir ?? one);
      return folders.filter((folder, index) => folder !== folders[index - 1]);
    }
    for (const imported of [...(byId.get(id)?.imports ?? [])].sort()) {
      if (byId.has(imported) && !cameFrom.has(imported)) {
        cameFrom.set(imported, id);
        queue.push(imported);
      }
    }
  }
  return [];
}
