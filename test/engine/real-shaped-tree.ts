import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const gitAs = ['-c', 'user.name=Studio Test', '-c', 'user.email=test@example.invalid'];

/**
 * Files that give the miniature tree the shape of the real one (kubernetes v1.35.4) where it decides
 * what a change rebuilds: a scheduler sub-package only kube-scheduler imports (as
 * cmd/kube-scheduler/app imports pkg/scheduler/metrics/resources), e2e suites imported only by
 * e2e_test.go (test/e2e/e2e_test.go imports test/e2e/scheduling, which imports pkg/scheduler), and
 * manifests embedded from sub-folders (test/e2e/testing-manifests/embed.go embeds guestbook and others),
 * and pkg/scheduler reached by e2e.test's own package through pkg/kubelet (pkg/kubelet/lifecycle/predicate.go
 * imports the scheduler's framework), so it is in the test binaries' deps even without the suites.
 * And a staging module as v1.35.4 has them: go.work uses ./staging/src/k8s.io/api, go.mod requires
 * k8s.io/api v0.0.0 and replaces it with that folder, and vendor/modules.txt is a workspace's (as `go
 * work vendor` writes it), so go list places k8s.io/api/core in staging/src/k8s.io/api/core, not in vendor/.
 */
const realShape: Record<string, string> = {
  'pkg/kubelet/kubelet.go': 'package kubelet\n\nimport "k8s.io/kubernetes/pkg/scheduler"\n\n// Admits names the scheduler whose rules the kubelet checks pods against.\nvar Admits = scheduler.Name\n',
  'test/e2e/framework.go': 'package e2e\n\nimport (\n\t"k8s.io/api/core"\n\t"k8s.io/kubernetes/pkg/api"\n\t"k8s.io/kubernetes/pkg/kubelet"\n)\n\nvar version = api.Version + kubelet.Admits + core.PodKind\n',
  'pkg/scheduler/metrics/resources/resources.go': 'package resources\n\n// Handler is what kube-scheduler serves its resource metrics as.\nconst Handler = "resources"\n',
  'cmd/kube-scheduler/main.go':
    'package main\n\nimport (\n\t"fmt"\n\n\t"k8s.io/api/core"\n\t"k8s.io/kubernetes/pkg/api"\n\t"k8s.io/kubernetes/pkg/scheduler"\n\t"k8s.io/kubernetes/pkg/scheduler/metrics/resources"\n)\n\nfunc main() { fmt.Println("kube-scheduler", api.Version, scheduler.Name, resources.Handler, core.PodKind) }\n',
  'go.work': 'go 1.22\n\nuse (\n\t.\n\t./staging/src/k8s.io/api\n)\n',
  'go.mod': 'module k8s.io/kubernetes\n\ngo 1.22\n\nrequire (\n\tgithub.com/onsi/ginkgo/v2 v2.0.0\n\tk8s.io/api v0.0.0\n)\n\nreplace k8s.io/api => ./staging/src/k8s.io/api\n',
  'vendor/modules.txt': '## workspace\n# github.com/onsi/ginkgo/v2 v2.0.0\n## explicit; go 1.22\ngithub.com/onsi/ginkgo/v2/ginkgo\n# k8s.io/api v0.0.0 => ./staging/src/k8s.io/api\n## explicit\n',
  'staging/src/k8s.io/api/go.mod': 'module k8s.io/api\n\ngo 1.22\n',
  'staging/src/k8s.io/api/core/types.go': 'package core\n\n// PodKind is what the API calls a pod.\nconst PodKind = "Pod"\n',
  'test/e2e/scheduling/scheduling.go': 'package scheduling\n\nimport "k8s.io/kubernetes/pkg/scheduler"\n\n// Scheduler is the name the scheduling suite expects.\nvar Scheduler = scheduler.Name\n',
  'test/e2e/testing-manifests/embed.go': 'package testingmanifests\n\nimport "embed"\n\n//go:embed guestbook\nvar Content embed.FS\n',
  'test/e2e/testing-manifests/guestbook/frontend.yaml': 'kind: Deployment\nmetadata:\n  name: frontend\n',
  'test/e2e/e2e_test.go':
    'package e2e\n\nimport (\n\t"testing"\n\n\t"k8s.io/kubernetes/test/e2e/scheduling"\n\tmanifests "k8s.io/kubernetes/test/e2e/testing-manifests"\n)\n\nfunc TestE2E(t *testing.T) { t.Log("e2e", version, scheduling.Scheduler, manifests.Content) }\n',
};

/** Gives a miniature checkout the real tree's shape (see realShape) and commits it. */
export async function giveRealShape(checkout: string): Promise<void> {
  for (const [name, content] of Object.entries(realShape)) {
    await mkdir(path.dirname(path.join(checkout, name)), { recursive: true });
    await writeFile(path.join(checkout, name), content);
  }
  await commitAll(checkout, 'the real tree shape');
}

/** Commits everything in the checkout, as a contributor would. */
export async function commitAll(checkout: string, message: string): Promise<void> {
  await run('git', ['-C', checkout, ...gitAs, 'add', '-A']);
  await run('git', ['-C', checkout, ...gitAs, 'commit', '-q', '-m', message]);
}

/**
 * Adds `count` small packages (pkg/generated/p001, …) that kube-scheduler imports, and commits them:
 * enough package folders for its fingerprint's git ls-tree to be a long command.
 */
export async function addSchedulerPackages(checkout: string, count: number): Promise<string[]> {
  const folders: string[] = [];
  for (let i = 1; i <= count; i++) {
    const folder = `pkg/generated/p${String(i).padStart(3, '0')}`;
    folders.push(folder);
    await mkdir(path.join(checkout, folder), { recursive: true });
    await writeFile(path.join(checkout, folder, 'doc.go'), `package p${i}\n\n// N is this package's number.\nconst N = ${i}\n`);
  }
  const imports = folders.map((folder) => `\t_ "k8s.io/kubernetes/${folder}"\n`).join('');
  const main = realShape['cmd/kube-scheduler/main.go'] as string;
  await writeFile(path.join(checkout, 'cmd/kube-scheduler/main.go'), main.replace('\t"fmt"\n', `\t"fmt"\n\n${imports}`));
  await commitAll(checkout, `${count} generated scheduler packages`);
  return folders;
}
