import { z } from 'zod';

export const ToolNameSchema = z.enum(['docker', 'go', 'git', 'make', 'bash', 'kubectl', 'kind']);
export type ToolName = z.infer<typeof ToolNameSchema>;

/** ok: usable as is. warning: usable, but worth fixing. problem: will break the workflow. missing: not found. */
export const ToolVerdictSchema = z.enum(['ok', 'warning', 'problem', 'missing']);
export type ToolVerdict = z.infer<typeof ToolVerdictSchema>;

export const ToolReportSchema = z.object({
  name: ToolNameSchema,
  path: z.string().optional(),
  version: z.string().optional(),
  /** "linux/arm64 (ELF)", "darwin universal (amd64, arm64)", "script (#!/bin/sh)". */
  binary: z.string().optional(),
  verdict: ToolVerdictSchema,
  messages: z.array(z.string()),
  /** A command the user can copy to fix the problem on this platform. */
  fix: z.string().optional(),
});
export type ToolReport = z.infer<typeof ToolReportSchema>;

export const DockerServerSchema = z.object({
  reachable: z.boolean(),
  engine: z.string().optional(),
  os: z.string().optional(),
  arch: z.string().optional(),
  serverVersion: z.string().optional(),
  memoryBytes: z.number().nonnegative().optional(),
  cpus: z.number().int().nonnegative().optional(),
  defaultPlatform: z.string().optional(),
  /** Why the daemon did not answer, from `docker info`'s own ServerErrors (the 20.10 client prints it nowhere else). */
  error: z.string().optional(),
});
export type DockerServer = z.infer<typeof DockerServerSchema>;

export const ToolchainFactsSchema = z.object({
  hardware: z.object({ os: z.string(), arch: z.string() }),
  searchPath: z.array(z.string()),
  tools: z.array(ToolReportSchema),
  docker: DockerServerSchema.optional(),
});
export type ToolchainFacts = z.infer<typeof ToolchainFactsSchema>;
