#!/usr/bin/env node
// Benchmark stand-in for e2e.test: notes the wall-clock time it started (to the file named by
// STUDIO_BENCH_E2E_STARTS), prints the plan line ginkgo prints, and writes an empty JUnit report
// where --report-dir/--report-prefix say, as e2e.test does. It runs no spec.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const startedAt = Date.now();
if (process.env.STUDIO_BENCH_E2E_STARTS) appendFileSync(process.env.STUDIO_BENCH_E2E_STARTS, `${startedAt}\n`);
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const reportDir = flag('report-dir');
process.stdout.write('Will run 0 of 0 specs\n');
if (reportDir) {
  writeFileSync(
    path.join(reportDir, `junit_${flag('report-prefix') ?? ''}01.xml`),
    '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="0"><testsuite name="Kubernetes e2e suite" tests="0"></testsuite></testsuites>\n',
  );
}
