import { dockerMemoryFix, installCommand, type FixPlatform } from '../toolchain/fix-command.js';
import type { DiagnosisRule } from './diagnosis-rules.js';

/** The failure signatures of building Kubernetes: Go toolchain, Docker resources, buildx, GNU tools. */
export const buildRules: DiagnosisRule[] = [
  {
    id: 'kind-missing',
    pattern: /kind mode needs kind:/,
    explain: () => ({
      title: 'kind mode needs kind, and there is none',
      explanation: 'The node image is built with `kind build node-image`, and no kind binary was found in the app\'s bin folder, on the search path or at the path set in the settings. Nothing was built.',
      fix: 'Open step 3, Native kind, and run it: it downloads kind for this CPU, checks it and installs it where this step looks first. Or choose remote mode.',
    }),
  },
  {
    // kind's --type source runs Kubernetes' dockerized build (make quick-release-images), which starts
    // from its kube-cross build image; with no registry within reach, that pull is where it stops.
    id: 'build-image-unreachable',
    pattern: /Unable to find image '([^']+)' locally[\s\S]*?(?:no such host|dial tcp|i\/o timeout|server misbehaving|connection refused)/,
    explain: (match) => ({
      title: 'The build image could not be pulled',
      explanation: `kind builds the node image with Kubernetes' own dockerized build, which runs inside ${match[1] ?? 'its build image'}. That image is not on this Docker engine and its registry could not be reached (no network, a proxy, or DNS), so nothing was built.`,
      fix: `connect to the network (or a registry mirror) and run the step again; on a machine that can reach it: docker pull ${match[1] ?? 'the image'}, then docker save | docker load it here. Remote mode needs no image.`,
    }),
  },
  {
    id: 'go-too-old',
    pattern: /Kubernetes requires (go[\d.]+) or greater|go\.mod requires go >= ([\d.]+)|requires go(?:lang)? ?>= ?([\d.]+)/i,
    explain: (match, platform) => ({
      title: 'The Go toolchain is too old for this tree',
      explanation: `This checkout needs ${match[1] ?? `go${match[2] ?? match[3] ?? ''}`} or newer, and the build found an older Go (GOTOOLCHAIN=local or FORCE_HOST_GO keeps it from fetching the right one).`,
      fix: `${installCommand('go', platform)}   # or unset GOTOOLCHAIN / FORCE_HOST_GO so Go fetches the version in .go-version`,
    }),
  },
  {
    id: 'go-toolchain-download',
    pattern: /go: downloading go[\d.]+ .*\n?.*(?:dial tcp|i\/o timeout|no such host|connection refused)|toolchain not available|go: download go[\d.]+ .*: .*(?:not found|404)/i,
    explain: () => ({
      title: 'Go could not download the toolchain this tree asks for',
      explanation: 'The checkout\'s .go-version names a Go release that Go tried to fetch (GOTOOLCHAIN) and could not: no network, a proxy that refuses it, or a version that does not exist.',
      fix: 'check GOPROXY and the network, or install that Go version yourself and set FORCE_HOST_GO=1',
    }),
  },
  {
    id: 'out-of-memory',
    pattern: /signal: killed|exit(?:ed with)? (?:status |code )?137|Killed\s+signal 9|cannot allocate memory/i,
    explain: (_match, platform) => ({
      title: 'The build ran out of memory',
      explanation: 'The linker or compiler was killed (signal 9, exit 137): the Docker VM or the machine ran out of memory. Linking kubelet and e2e.test needs several GB at once.',
      fix: dockerMemoryFix(platform),
    }),
  },
  {
    id: 'out-of-disk',
    pattern: /no space left on device/i,
    explain: (_match, platform) => ({
      title: 'The disk (or the Docker VM\'s disk) is full',
      explanation: 'A write failed with "no space left on device". Node image builds keep large layers; old images and build cache add up.',
      fix: platform.os === 'darwin' ? 'docker system prune --all   # and give the Docker VM a larger disk' : 'docker system prune --all   # and free space under /var/lib/docker',
    }),
  },
  {
    id: 'missing-buildx',
    pattern: /buildx: command not found|docker: 'buildx' is not a docker command|unknown (?:command|flag).*buildx|BuildKit is enabled but the buildx component is missing/i,
    explain: (_match, platform) => ({
      title: 'Docker buildx is missing',
      explanation: 'The Kubernetes image build runs docker buildx; this Docker has no buildx plugin.',
      fix: platform.os === 'darwin' ? 'brew install docker-buildx && mkdir -p ~/.docker/cli-plugins && ln -sfn "$(brew --prefix)/opt/docker-buildx/bin/docker-buildx" ~/.docker/cli-plugins/docker-buildx' : 'sudo apt-get install -y docker-buildx   # or docker-buildx-plugin from Docker\'s repository',
    }),
  },
  {
    id: 'missing-gnu-tools',
    pattern: /(?:sed|grep|tar|find|date|stat): (?:illegal|invalid|unrecognized) option|requires GNU|bash: .*: invalid option|declare: -A: invalid option/i,
    explain: (_match, platform: FixPlatform) => ({
      title: 'The build needs GNU tools and a newer bash',
      explanation: 'Kubernetes\' build scripts use GNU sed, grep, tar, find and bash ≥ 4.2; macOS ships BSD versions and bash 3.2.',
      fix: platform.os === 'darwin' ? 'brew install coreutils ed findutils gawk gnu-sed gnu-tar grep make bash jq rsync   # then put their gnubin folders first on PATH' : installCommand('bash', platform),
    }),
  },
];
