import { execa } from 'execa';
import { type ControlPlane } from './control-plane.js';

/** The release's own kubectl (built with the servers, so its version matches) against the plane. */
export async function kubectl(plane: Pick<ControlPlane, 'binaries' | 'kubeconfig'>, args: string[]): Promise<string> {
  const { stdout } = await execa(plane.binaries.kubectl, [`--kubeconfig=${plane.kubeconfig}`, ...args], { timeout: 60_000 });
  return stdout;
}
