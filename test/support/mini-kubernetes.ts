import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { goCommand } from './go-command.js';

const run = promisify(execFile);

/** The go version on this machine, e.g. "1.26.8", so the miniature tree's .go-version asks for nothing else. */
async function localGoVersion(): Promise<string> {
  const { stdout } = await run(goCommand(), ['version'], { env: { ...process.env, GOTOOLCHAIN: 'local' } });
  return /go version go(\S+)/.exec(stdout)?.[1] ?? '1.22.0';
}

// A stand-in for the Kubernetes Makefile and its build rules: `make all WHAT="…"` builds each
// target with the real go into _output/local/bin/<os>/<arch> and points _output/bin at it.
// *.test targets are test binaries (go test -c); vendor/… targets are built by import path.
// `firstCases` are shell case branches ("pattern) command ;;") tried before those, for a test
// that builds one target its own way.
export function miniMakefile(firstCases: readonly string[] = []): string {
  const cases = [...firstCases, '*.test) go test -c -o $(OUT)/$$name $$pkg ;;', '*) go build -o $(OUT)/$$name $$pkg ;;'];
  return `ifneq ($(KUBE_BUILD_PLATFORMS),)
GOOS := $(word 1,$(subst /, ,$(KUBE_BUILD_PLATFORMS)))
GOARCH := $(word 2,$(subst /, ,$(KUBE_BUILD_PLATFORMS)))
export GOOS GOARCH
endif
GOOS ?= $(shell go env GOOS)
GOARCH ?= $(shell go env GOARCH)
OUT := _output/local/bin/$(GOOS)/$(GOARCH)

all:
\t@if [ -f .slow-build ]; then echo "slow build requested"; sleep 60; fi
\t@mkdir -p $(OUT)
\t@for what in $(WHAT); do \\
\t  name=$$(basename $$what); \\
\t  case $$what in vendor/*) pkg=$\${what#vendor/} ;; *.test) pkg=./$$(dirname $$what) ;; *) pkg=./$$what ;; esac; \\
\t  echo "+++ Building go targets for $(GOOS)/$(GOARCH): $$what"; \\
\t  case $$what in \\
${cases.map((branch) => `\t    ${branch} \\\n`).join('')}\t  esac || exit 1; \\
\tdone
\t@ln -sfn local/bin/$(GOOS)/$(GOARCH) _output/bin
`;
}

const files = (goVersion: string): Record<string, string> => ({
  'go.mod': 'module k8s.io/kubernetes\n\ngo 1.22\n\nrequire github.com/onsi/ginkgo/v2 v2.0.0\n',
  '.go-version': `${goVersion}\n`,
  '.gitignore': '/_output\n',
  Makefile: miniMakefile(),
  'docs/README.md': '# miniature Kubernetes tree for tests\n',
  'pkg/api/api.go': 'package api\n\n// Version is what every binary of the miniature tree reports.\nconst Version = "v1.99.0-mini"\n',
  'pkg/scheduler/scheduler.go': 'package scheduler\n\n// Name is printed by kube-scheduler; tests edit it to see a rebuild.\nconst Name = "default-scheduler"\n',
  'cmd/kube-scheduler/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"k8s.io/kubernetes/pkg/api"\n\t"k8s.io/kubernetes/pkg/scheduler"\n)\n\nfunc main() { fmt.Println("kube-scheduler", api.Version, scheduler.Name) }\n',
  'cmd/kubectl/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"k8s.io/kubernetes/pkg/api"\n)\n\nfunc main() { fmt.Println("kubectl", api.Version) }\n',
  'test/e2e/framework.go': 'package e2e\n\nimport "k8s.io/kubernetes/pkg/api"\n\nvar version = api.Version\n',
  'test/e2e/e2e_test.go': 'package e2e\n\nimport "testing"\n\nfunc TestE2E(t *testing.T) { t.Log("e2e", version) }\n',
  'vendor/modules.txt': '# github.com/onsi/ginkgo/v2 v2.0.0\n## explicit; go 1.22\ngithub.com/onsi/ginkgo/v2/ginkgo\n',
  'vendor/github.com/onsi/ginkgo/v2/ginkgo/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("ginkgo stand-in") }\n',
});

/**
 * A miniature Kubernetes-shaped checkout in a real git repository: go.mod declaring k8s.io/kubernetes,
 * .go-version, a Makefile whose `all` target honours WHAT, small Go mains, a vendored ginkgo.
 */
export async function createMiniKubernetes(dir: string): Promise<string> {
  for (const [name, content] of Object.entries(files(await localGoVersion()))) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  const git = (...args: string[]) => run('git', ['-C', dir, ...args]);
  await git('init', '-q', '-b', 'master');
  await git('-c', 'user.name=Studio Test', '-c', 'user.email=test@example.invalid', 'add', '-A');
  await git('-c', 'user.name=Studio Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'miniature kubernetes');
  return dir;
}
