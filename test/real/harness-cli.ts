import { startControlPlane } from './control-plane.js';

// `npm run harness`: brings the real control plane up, says where its kubeconfig is, and keeps it
// running until Ctrl-C (or SIGTERM), which stops every process it started.
const plane = await startControlPlane({ keepDir: process.argv.includes('--keep') });
process.stdout.write(
  [
    '',
    `Kubernetes control plane running at ${plane.server}`,
    `kubeconfig: ${plane.kubeconfig}`,
    `kubectl:    ${plane.binaries.kubectl} --kubeconfig=${plane.kubeconfig} get nodes`,
    `e2e.test:   ${plane.binaries.e2eTest}`,
    `logs:       ${plane.dir}/logs`,
    `pids:       ${plane.pids().join(' ')} (this harness: ${process.pid})`,
    'Press Ctrl-C to stop it.',
    '',
  ].join('\n'),
);
// Nothing else to do: the signal handlers installed by startControlPlane stop everything and exit.
setInterval(() => undefined, 1 << 30);
