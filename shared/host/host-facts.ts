import { z } from 'zod';

/** Architectures as Go, kind and Kubernetes name them. Anything else is kept as reported. */
export const ArchSchema = z.string().min(1);
export type Arch = z.infer<typeof ArchSchema>;

export const DiskFactsSchema = z.object({
  path: z.string(),
  mountPoint: z.string(),
  totalBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
});
export type DiskFacts = z.infer<typeof DiskFactsSchema>;

export const HostFactsSchema = z.object({
  os: z.string(),
  osRelease: z.string(),
  /** What the CPU is. Under Rosetta this is arm64 even though the process sees x86_64. */
  hardwareArch: ArchSchema,
  /** What the running process was built for. */
  processArch: ArchSchema,
  translated: z.boolean(),
  cores: z.number().int().positive(),
  memoryBytes: z.number().nonnegative(),
  disks: z.array(DiskFactsSchema),
  warnings: z.array(z.string()),
});
export type HostFacts = z.infer<typeof HostFactsSchema>;
