import { type X2jOptions, XMLParser } from 'fast-xml-parser';
import { type JUnitReport, junitReportOf, type SpecResult, SpecStateSchema, type SpecState } from '../../shared/e2e/junit-report.js';

/**
 * The same reading as shared/e2e/parse-junit.ts, done by fast-xml-parser: the candidate the JUnit
 * library benchmark measures and the unit test holds to identical results.
 */
type Element = { '#text'?: string } & Record<string, unknown>;

const repeated = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped']);
const options = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  alwaysCreateTextNode: true,
  // An empty table keeps the five XML entities and character references and adds no HTML names (&copy;
  // stays as written, as in ours). The typings say boolean; the parser (OrderedObjParser) takes a table.
  htmlEntities: {} as unknown as boolean,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && repeated.has(name),
} satisfies X2jOptions;
const parser = new XMLParser(options);

const knownStates = new Set<string>(SpecStateSchema.options);

const attr = (element: Element, name: string): string | undefined => element[`@_${name}`] as string | undefined;
const children = (element: Element | undefined, name: string): Element[] => (element?.[name] as Element[] | undefined) ?? [];

function spec(testcase: Element): SpecResult {
  const status = (attr(testcase, 'status') ?? '').toLowerCase();
  const result: SpecResult = {
    name: attr(testcase, 'name') ?? '',
    classname: attr(testcase, 'classname') ?? '',
    state: knownStates.has(status) ? (status as SpecState) : 'passed',
    durationSeconds: Number(attr(testcase, 'time') ?? 0) || 0,
  };
  for (const failure of [...children(testcase, 'failure'), ...children(testcase, 'error')]) {
    if (result.state === 'passed') result.state = 'failed';
    result.failureMessage = attr(failure, 'message');
    const text = failure['#text'] ?? '';
    result.failureDetail = text.trim();
    result.location = /\bat:\s+(\S+:\d+)/.exec(text)?.[1] ?? result.location;
  }
  for (const skipped of children(testcase, 'skipped')) {
    if (result.state === 'passed') result.state = 'skipped';
    result.failureMessage ??= attr(skipped, 'message');
  }
  return result;
}

export function parseJUnitWithFastXmlParser(xml: string): JUnitReport {
  const root = parser.parse(xml) as Record<string, Element | undefined>;
  const suites = root.testsuites ? children(root.testsuites, 'testsuite') : root.testsuite ? [root.testsuite as unknown as Element[]].flat() : [];
  const specs = suites.flatMap((suite) => children(suite, 'testcase').map(spec));
  return junitReportOf(suites[0] ? (attr(suites[0], 'name') ?? '') : '', specs);
}
