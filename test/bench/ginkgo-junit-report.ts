/**
 * A JUnit report shaped like the one ginkgo v2 writes for e2e.test with a narrow --focus (encoding/xml,
 * MarshalIndent): suite nodes around thousands of skipped specs, a few passed, failed, timed-out and
 * panicked ones with messages, details and system-err, properties, and the escapes Go writes
 * (&#xA;, &#34;, &#39;, &lt;, &amp;, …). Some cases use what other writers do — CDATA, single-quoted
 * attributes, a comment — so a reader is tried on more than one writer's habits. Generated, never stored.
 */
export interface GinkgoReportShape {
  /** All testcases, suite nodes included. */
  cases: number;
  skipped: number;
  failed: number;
}

export const ginkgoLikeShape: GinkgoReportShape = { cases: 7400, skipped: 7354, failed: 6 };

const suite = 'Kubernetes e2e suite';
const sigs = ['sig-apps', 'sig-node', 'sig-scheduling', 'sig-storage', 'sig-network', 'sig-cli', 'sig-auth', 'sig-api-machinery'];

/** Go's xml.EscapeText, which ginkgo's report goes through, attributes and text alike. */
function goEscape(text: string): string {
  return text.replace(/[&<>"'\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' })[c] as string);
}

function seconds(n: number): string {
  return n.toFixed(6);
}

function testcase(name: string, status: string, time: string, body: string[]): string {
  const open = `          <testcase name="${goEscape(name)}" classname="${suite}" status="${status}" time="${time}">`;
  return body.length === 0 ? `${open}</testcase>` : [open, ...body.map((line) => `              ${line}`), '          </testcase>'].join('\n');
}

function failureText(i: number, sig: string): { message: string; detail: string } {
  const message = `[FAILED] Timed out after 30.001s.\n0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.\nExpected\n    <bool>: false\nto be true`;
  const detail = `${message}\nIn [It] at: k8s.io/kubernetes/test/e2e/${sig.replace('sig-', '')}/spec_${i}.go:${100 + i} @ 11/25/26 17:00:41.123\n`;
  return { message, detail };
}

function systemErr(i: number): string {
  return `<system-err>${goEscape(`> Enter [BeforeEach] [sig-scheduling] SchedulerPredicates [Serial] - set up framework | framework.go:200 @ 11/25/26 17:00:0${i % 10}.000\nSTEP: Creating a kubernetes client "e2e" & 'friends' <ns-${i}>\n\tI1125 17:00:01.5 ${i} util.go:630] café 日本 ✓\n< Exit [BeforeEach] | framework.go:200 @ 11/25/26 17:00:02.000 (1.0s)`)}</system-err>`;
}

export function ginkgoLikeJUnit(shape: GinkgoReportShape = ginkgoLikeShape): string {
  const suiteNodes = ['[ReportBeforeSuite]', '[SynchronizedBeforeSuite]', '[SynchronizedAfterSuite]', '[ReportAfterSuite] Kubernetes e2e suite report'];
  const specs = shape.cases - suiteNodes.length;
  const passed = specs - shape.skipped - shape.failed;
  if (passed < 2 || shape.failed < 4) throw new Error('the shape needs at least 4 failed and 2 passed specs');
  // Run specs are spread through the skipped ones, as a focus picks specs across the suite.
  const stride = Math.floor(specs / (passed + shape.failed));
  const cases: string[] = [];
  let failedSoFar = 0;
  let passedSoFar = 0;
  for (let i = 0; i < specs; i += 1) {
    const sig = sigs[i % sigs.length] as string;
    const name = `[It] [${sig}] Feature ${i >> 4} spec number ${i} does what it says "on the tin" & more [Serial] [Conformance]`;
    const runs = i % stride === 0 && failedSoFar + passedSoFar < passed + shape.failed;
    if (!runs) {
      cases.push(testcase(name, i % 997 === 0 ? 'pending' : 'skipped', seconds(0), [`<skipped message="${i % 997 === 0 ? 'pending' : 'skipped'}"></skipped>`]));
      continue;
    }
    const fails = failedSoFar < shape.failed && (i / stride) % 7 === 3;
    if (!fails || failedSoFar >= shape.failed) {
      passedSoFar += 1;
      cases.push(testcase(name, 'passed', seconds(1 + (i % 90) / 7), [systemErr(i)]));
      continue;
    }
    const { message, detail } = failureText(i, sig);
    const style = failedSoFar % 4;
    failedSoFar += 1;
    if (style === 0) cases.push(testcase(name, 'failed', seconds(31 + i / 1000), [`<failure message="${goEscape(message)}" type="failed">${goEscape(detail)}</failure>`, systemErr(i)]));
    else if (style === 1) cases.push(testcase(name, 'failed', seconds(28.9), [`<failure message='${goEscape(message)}' type='failed'><![CDATA[${detail}]]></failure>`, '<!-- written by another JUnit writer -->', systemErr(i)]));
    else if (style === 2) cases.push(testcase(name, 'timedout', seconds(600), [`<failure message="${goEscape('[TIMEDOUT] A suite timeout occurred')}" type="timedout">${goEscape(`[TIMEDOUT] A suite timeout occurred\nIn [It] at: k8s.io/kubernetes/test/e2e/framework/pod.go:${i} @ 11/25/26 17:10:00.000\n`)}</failure>`, systemErr(i)]));
    else cases.push(testcase(name, 'panicked', seconds(0.5), [`<error message="${goEscape('[PANICKED] Test Panicked')} &#x1F600; &#233;" type="panicked">${goEscape(`[PANICKED] runtime error: index out of range [3] with length 3 &#x1F600;\nIn [It] at: /usr/local/go/src/runtime/panic.go:115 @ 11/25/26 17:00:41.123\n`)}</error>`, systemErr(i)]));
  }
  if (failedSoFar < shape.failed) throw new Error(`placed ${failedSoFar} of ${shape.failed} failed specs`);
  // Specs that should have run but did not fit become passed at the end, so the totals stay exact.
  for (let extra = passedSoFar; extra < passed; extra += 1) cases.push(testcase(`[It] [sig-apps] extra passed spec ${extra}`, 'passed', seconds(2.25), [systemErr(extra)]));
  const nodes = suiteNodes.map((name, n) => testcase(name, 'passed', seconds(n === 1 ? 12.345678 : 0.000123), n === 1 ? [systemErr(n)] : []));
  const all = [nodes[0], nodes[1], ...cases, nodes[2], nodes[3]];
  const properties = [
    ['SuiteSucceeded', 'false'],
    ['SuiteHasProgrammaticFocus', 'false'],
    ['SpecialSuiteFailureReason', ''],
    ['SuiteLabels', '[]'],
    ['RandomSeed', '1764086400'],
    ['FocusStrings', '\\[sig-scheduling\\] SchedulerPredicates'],
    ['SkipStrings', '\\[Flaky\\]|\\[Disruptive\\]'],
  ].map(([name, value]) => `              <property name="${name}" value="${goEscape(value as string)}"></property>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `  <testsuites tests="${shape.cases}" disabled="${shape.skipped}" errors="0" failures="${shape.failed}" time="1234.5">`,
    `      <testsuite name="${suite}" package="/home/me/go/src/k8s.io/kubernetes/test/e2e" tests="${shape.cases}" disabled="${shape.skipped}" skipped="0" errors="0" failures="${shape.failed}" time="1234.5" timestamp="2026-11-25T17:00:00">`,
    '          <properties>',
    ...properties,
    '          </properties>',
    ...all,
    '      </testsuite>',
    '  </testsuites>',
    '',
  ].join('\n');
}
