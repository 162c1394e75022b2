import { z } from 'zod';

export const PreviewSpecSchema = z.object({ name: z.string(), labels: z.array(z.string()), location: z.string() });
export type PreviewSpec = z.infer<typeof PreviewSpecSchema>;

export const PreviewSchema = z.object({ total: z.number().int(), matched: z.array(PreviewSpecSchema) });
export type Preview = z.infer<typeof PreviewSchema>;

interface GinkgoSpecReport {
  LeafNodeType?: string;
  ContainerHierarchyTexts?: string[] | null;
  LeafNodeText?: string;
  LeafNodeLabels?: string[] | null;
  LeafNodeLocation?: { FileName?: string; LineNumber?: number };
  State?: string;
}

/**
 * Reads the JSON report ginkgo writes (--ginkgo.json-report) after a dry run: the specs that would
 * run (state "passed" in a dry run), each with its full name, labels and place, and the total.
 */
export function parseGinkgoDryRun(json: string): Preview {
  const suites = JSON.parse(json) as Array<{ PreRunStats?: { TotalSpecs?: number }; SpecReports?: GinkgoSpecReport[] | null }>;
  const matched: PreviewSpec[] = [];
  let total = 0;
  for (const suite of suites) {
    total += suite.PreRunStats?.TotalSpecs ?? 0;
    for (const spec of suite.SpecReports ?? []) {
      if (spec.LeafNodeType !== 'It' || spec.State !== 'passed') continue;
      matched.push({
        name: [...(spec.ContainerHierarchyTexts ?? []), spec.LeafNodeText ?? ''].join(' ').trim(),
        labels: spec.LeafNodeLabels ?? [],
        location: `${spec.LeafNodeLocation?.FileName ?? '?'}:${spec.LeafNodeLocation?.LineNumber ?? 0}`,
      });
    }
  }
  return { total, matched };
}
