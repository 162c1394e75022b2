import type { FixPlatform } from '../toolchain/fix-command.js';
import type { Diagnosis } from './diagnosis.js';
import type { DiagnosisRule } from './diagnosis-rules.js';
import { diagnose } from './diagnose.js';

/** One reason the scheduler gave, in plain words, and what to do about that kind of reason. */
interface ReasonWords {
  pattern: RegExp;
  words(match: RegExpExecArray): string;
  hint?: string;
}

const taintHint = 'give the pod a toleration for the taint, or remove the taint (kubectl taint nodes <node> <key>-)';
const resourceHint = 'lower the pod\'s requests, or give the nodes more room (kind nodes share the CPUs and memory of the Docker VM)';
const volumeHint = 'kubectl get pvc,pv -A and kubectl describe pvc <claim> show which claim is stuck and why';

const reasonWords: ReasonWords[] = [
  // Older releases name the taint: "had untolerated taint {key: value}", or "had taint {key: value}, that the pod didn't tolerate".
  { pattern: /^node\(s\) had (?:untolerated )?taint \{([^:}]*)(?::\s*([^}]*))?\}(?:, that the pod didn't tolerate)?$/, words: (m) => `a taint the pod does not tolerate (${m[1]}${m[2]?.trim() ? `=${m[2].trim()}` : ''})`, hint: taintHint },
  { pattern: /^node\(s\) had (?:untolerated taint\(s\)|taints that the pod didn't tolerate)$/, words: () => 'a taint the pod does not tolerate', hint: taintHint },
  { pattern: /^node\(s\) didn't match Pod's node affinity\/selector$/i, words: () => 'the pod\'s nodeSelector/affinity matches none of their labels', hint: 'compare the pod\'s nodeSelector/affinity with kubectl get nodes --show-labels' },
  { pattern: /^Insufficient cpu$/, words: () => 'not enough free CPU for the pod\'s requests', hint: resourceHint },
  { pattern: /^Insufficient memory$/, words: () => 'not enough free memory for the pod\'s requests', hint: resourceHint },
  { pattern: /^Insufficient (\S+)$/, words: (m) => `not enough free ${m[1]} for the pod's requests`, hint: resourceHint },
  { pattern: /^Too many pods$/, words: () => 'already as many pods as the node allows (maxPods)', hint: resourceHint },
  { pattern: /^node\(s\) didn't have free ports for the requested pod ports$/, words: () => 'another pod already holds a hostPort the pod asks for', hint: 'free the hostPort or drop it from the pod' },
  { pattern: /^node\(s\) (?:had volume node affinity conflict|didn't match PersistentVolume's node affinity)$/, words: () => 'the PersistentVolume the pod needs can only be used on other nodes (its nodeAffinity)', hint: volumeHint },
  { pattern: /^node\(s\) had no available volume zone$/, words: () => 'the pod\'s volumes are in another zone', hint: volumeHint },
  { pattern: /^node\(s\) did not have enough free storage$/, words: () => 'not enough free storage for the pod\'s volumes', hint: volumeHint },
  { pattern: /^node\(s\) unavailable due to one or more pvc\(s\) bound to non-existent pv\(s\)$/, words: () => 'a claim of the pod is bound to a PersistentVolume that no longer exists', hint: volumeHint },
  { pattern: /^node\(s\) didn't find available persistent volumes to bind$/, words: () => 'no free PersistentVolume there fits the pod\'s claims', hint: volumeHint },
  { pattern: /^node\(s\) exceed max volume count$/, words: () => 'already as many volumes attached as the node allows', hint: volumeHint },
  { pattern: /^node\(s\) were unschedulable$/, words: () => 'cordoned (spec.unschedulable is set)', hint: 'kubectl uncordon <node>' },
  { pattern: /^node\(s\) didn't match the requested node name$/, words: () => 'not the node named in the pod\'s spec.nodeName' },
  { pattern: /^node\(s\) didn't match pod affinity rules$/, words: () => 'the pod\'s podAffinity wants other pods there that are not' },
  { pattern: /^node\(s\) didn't (?:match pod anti-affinity rules|satisfy existing pods anti-affinity rules)$/, words: () => 'pod anti-affinity keeps the pod away from the pods already there' },
  { pattern: /^node\(s\) didn't match pod topology spread constraints/, words: () => 'the pod there would break its topologySpreadConstraints' },
  { pattern: /^pod has unbound immediate PersistentVolumeClaims$/, words: () => 'the pod\'s PersistentVolumeClaims are not bound to a volume yet', hint: volumeHint },
];

/** The reasons of "0/N nodes are available: …" (up to the scheduler's ". " after them), split at the commas between them. */
function schedulerReasons(text: string): string[] {
  // A period ends the list when a space, the end, or the quote around an event message follows it ("example.com/gpu" goes on).
  const end = text.search(/\.(?=\s|$|['"`])/);
  const list = end >= 0 ? text.slice(0, end) : text;
  const reasons: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i += 1) {
    const char = list[i];
    if (char === '{' || char === '(') depth += 1;
    else if ((char === '}' || char === ')') && depth > 0) depth -= 1;
    else if (char === ',' && depth === 0 && list[i + 1] === ' ' && !list.startsWith(" that the pod didn't tolerate", i + 1)) {
      reasons.push(list.slice(start, i));
      start = i + 2;
    }
  }
  reasons.push(list.slice(start));
  const trimmed = reasons.map((reason) => reason.trim()).filter((reason) => reason !== '');
  // With no reasons of its own, the list runs on into what the PostFilter plugins (DRA, preemption) said.
  const postFilter = trimmed.findIndex((reason) => /^(?:preemption:|no new claims to deallocate$)/.test(reason));
  return postFilter >= 0 ? trimmed.slice(0, postFilter) : trimmed;
}

/** "3 nodes: the pod's nodeSelector/affinity matches none of their labels", and the hint for that reason. */
function explainReason(reason: string): { words: string; hint?: string } {
  const counted = /^(\d+) (.*)$/.exec(reason);
  const bare = counted?.[2] ?? reason;
  const known = reasonWords.map((entry) => ({ entry, match: entry.pattern.exec(bare) })).find(({ match }) => match);
  const words = known?.match ? known.entry.words(known.match) : `"${bare}" (the scheduler's words)`;
  const count = counted ? Number(counted[1]) : undefined;
  const who = count === undefined ? 'every node' : `${count} ${count === 1 ? 'node' : 'nodes'}`;
  return { words: `${who}: ${words}`, hint: known?.entry.hint };
}

// These rules read the cluster's words, not the host's: the platform diagnose() passes on is unused.
const anyPlatform: FixPlatform = { os: 'linux', arch: 'amd64' };

/** The failure signatures of e2e specs: pods the scheduler could not place, or that never started. */
export const testFailureRules: DiagnosisRule[] = [
  {
    id: 'no-node-for-pod',
    pattern: /(?<!\d)0\/(\d+) nodes are available:? ?([^\n\]]*)/,
    explain: (match) => {
      const reasons = schedulerReasons(match[2] ?? '').map(explainReason);
      const hints = [...new Set(reasons.flatMap((reason) => (reason.hint ? [reason.hint] : [])))];
      return {
        title: 'The scheduler found no node for a pod',
        explanation:
          `The scheduler checked all ${match[1]} nodes and none could take the pod` +
          (reasons.length ? `: ${reasons.map((reason) => reason.words).join('; ')}.` : '.') +
          ' Each node is counted under every reason it failed on.',
        fix: [...hints, 'kubectl describe pod <pod> shows the same reasons in its FailedScheduling event'].join('; '),
      };
    },
  },
  {
    id: 'scheduler-plugin-error',
    pattern: /running "([^"]+)" filter plugin(?: for pod "[^"]*")?: ([^\n\]]*)/,
    explain: (match) => {
      const plugin = match[1] ?? '';
      const said = (match[2] ?? '').trim();
      const about =
        plugin === 'VolumeBinding'
          ? 'VolumeBinding checks the pod\'s PersistentVolumeClaims: whether they are bound, whether their StorageClass exists, and what its volumeBindingMode (Immediate or WaitForFirstConsumer) asks for. '
          : '';
      return {
        title: `The scheduler's ${plugin} filter plugin returned an error`,
        explanation:
          `The ${plugin} plugin failed while filtering nodes: this is an error inside the scheduler, not a finding that the pod does not fit, ` +
          `so the pod stays Pending and is retried. ${about}The plugin said: ${said}`,
        fix: `read the kube-scheduler log (kubectl -n kube-system logs -l component=kube-scheduler) and the ${plugin} plugin's code and configuration in your change`,
      };
    },
  },
  {
    id: 'unbound-immediate-pvc',
    pattern: /pod has unbound immediate PersistentVolumeClaims/,
    explain: () => ({
      title: 'The pod\'s PersistentVolumeClaims are not bound',
      explanation:
        'The pod uses a PersistentVolumeClaim whose StorageClass binds volumes immediately (volumeBindingMode: Immediate), and no PersistentVolume is bound to it yet, ' +
        'so the scheduler waits. Usually no provisioner serves that StorageClass, the StorageClass does not exist, or no pre-made volume matches the claim.',
      fix: `${volumeHint}; in kind, check the local-path provisioner: kubectl -n local-path-storage get pods`,
    }),
  },
  {
    id: 'pods-stayed-pending',
    pattern: /(?:Timed out after [\d.]+m?s|timed out waiting for the condition|timed out while waiting)[\s\S]*?(?:phase\W{0,4}|\bis |\bstill )Pending\b|(?:phase\W{0,4}|\bis |\bstill )Pending\b[\s\S]*?(?:Timed out after [\d.]+m?s|timed out waiting for the condition|timed out while waiting)/i,
    explain: () => ({
      title: 'Pods never started',
      explanation:
        'The test timed out waiting for pods that were still Pending: either the scheduler never placed them (look for FailedScheduling events and "0/N nodes are available"), ' +
        'or the kubelet could not start their containers (image pull, volume mount, sandbox). On a kind cluster this is often too little CPU or memory, or a scheduler change that rejects every node.',
      fix: 'kubectl get events -A --sort-by=.lastTimestamp and kubectl describe pod <pod> tell which of the two it is',
    }),
  },
];

/** The e2e failure signatures found in a spec's failure message or its events. */
export function diagnoseTestFailure(text: string): Diagnosis[] {
  return diagnose(text, anyPlatform, testFailureRules);
}
