import { type ControlPlanePki } from './control-plane-pki.js';
import { type K8sBinaries } from './k8s-binaries.js';
import { kwokNodeAnnotation } from './simulated-nodes.js';

const serviceRange = '10.96.0.0/16';
const issuer = 'https://kubernetes.default.svc.cluster.local';

/** The argv of each server of the control plane; everything listens on 127.0.0.1 only. */
export const serverCommands = {
  etcd(binaries: K8sBinaries, o: { dataDir: string; clientPort: number; peerPort: number }): string[] {
    const client = `http://127.0.0.1:${o.clientPort}`;
    const peer = `http://127.0.0.1:${o.peerPort}`;
    return [
      binaries.etcd,
      '--name=default',
      `--data-dir=${o.dataDir}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=default=${peer}`,
      // A throw-away test store: skipping fsync makes every write much faster.
      '--unsafe-no-fsync',
      '--log-level=warn',
    ];
  },

  kubeApiserver(binaries: K8sBinaries, o: { pki: ControlPlanePki; port: number; etcdPort: number; certDir: string }): string[] {
    return [
      binaries.kubeApiserver,
      `--etcd-servers=http://127.0.0.1:${o.etcdPort}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${o.port}`,
      `--cert-dir=${o.certDir}`,
      `--tls-cert-file=${o.pki.servingCert}`,
      `--tls-private-key-file=${o.pki.servingKey}`,
      `--client-ca-file=${o.pki.caCert}`,
      `--token-auth-file=${o.pki.tokenFile}`,
      `--service-account-key-file=${o.pki.serviceAccountPublicKey}`,
      `--service-account-signing-key-file=${o.pki.serviceAccountKey}`,
      `--service-account-issuer=${issuer}`,
      `--api-audiences=${issuer}`,
      `--service-cluster-ip-range=${serviceRange}`,
      '--authorization-mode=Node,RBAC',
      // The in-cluster `kubernetes` Service cannot point at a loopback address (Endpoints refuse
      // 127.0.0.0/8), so the apiserver does not maintain its endpoints here.
      '--endpoint-reconciler-type=none',
      // Publishes a request-header CA in kube-system/extension-apiserver-authentication, which the
      // controller manager's and scheduler's own HTTPS servers look for.
      `--requestheader-client-ca-file=${o.pki.caCert}`,
      '--requestheader-allowed-names=front-proxy-client',
      '--requestheader-username-headers=X-Remote-User',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--allow-privileged=true',
      '--enable-admission-plugins=NodeRestriction',
      '--profiling=false',
      '--v=1',
    ];
  },

  kubeControllerManager(binaries: K8sBinaries, o: { pki: ControlPlanePki; kubeconfig: string; port: number }): string[] {
    return [
      binaries.kubeControllerManager,
      `--kubeconfig=${o.kubeconfig}`,
      `--authentication-kubeconfig=${o.kubeconfig}`,
      `--authorization-kubeconfig=${o.kubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${o.port}`,
      // One controller manager: no need to wait for a lease.
      '--leader-elect=false',
      `--service-account-private-key-file=${o.pki.serviceAccountKey}`,
      `--root-ca-file=${o.pki.caCert}`,
      `--cluster-signing-cert-file=${o.pki.caCert}`,
      `--cluster-signing-key-file=${o.pki.caKey}`,
      `--service-cluster-ip-range=${serviceRange}`,
      '--allocate-node-cidrs=false',
      '--controllers=*',
      '--v=1',
    ];
  },

  kwok(binaries: K8sBinaries, o: { kubeconfig: string }): string[] {
    return [
      binaries.kwok,
      `--kubeconfig=${o.kubeconfig}`,
      `--config=${binaries.kwokStages}`,
      // Only our simulated nodes, recognised by their annotation.
      '--manage-all-nodes=false',
      `--manage-nodes-with-annotation-selector=${kwokNodeAnnotation.key}=${kwokNodeAnnotation.value}`,
      '--cidr=10.244.0.0/16',
      '--node-ip=127.0.0.1',
      '--node-lease-duration-seconds=40',
    ];
  },
};
