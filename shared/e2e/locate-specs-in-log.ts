import { stripAnsi } from '../output/strip-ansi.js';

const separator = '------------------------------';
// The bracket group at the end of a header: ginkgo's label list ("[sig-node, Conformance]", or "[Conformance]").
const labelList = /\s+\[[^[\]]*\]$/;

/**
 * Where each spec's verbose header is in the log of an `e2e.test --ginkgo.v` run: for every JUnit
 * name ("[It] [sig-node] Pods should get a host IP [NodeConformance] [Conformance]"), the 0-based index
 * of the line after a separator that is that name followed by ginkgo's label list. Names without a
 * header (specs that did not run) are left out. The headers are read once and looked up by name, so
 * thousands of names over a long log cost one pass. A spec run more than once is located at its first run.
 */
export function locateSpecsInLog(lines: readonly string[], specNames: readonly string[]): Map<string, number> {
  // Header text → line, once as the whole line and once without its last bracket group (the labels, or
  // part of a name without labels); a whole line wins, so "X [Conformance]" is not taken for "X".
  const headers = new Map<string, { index: number; whole: boolean }>();
  const remember = (key: string, index: number, whole: boolean): void => {
    const known = headers.get(key);
    if (!known || (whole && !known.whole)) headers.set(key, { index, whole });
  };

  let afterSeparator = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = stripAnsi(lines[index] ?? '').trimEnd();
    if (line === separator) {
      afterSeparator = true;
      continue;
    }
    if (!afterSeparator || line === '') continue;
    afterSeparator = false;
    if (/^\s/.test(line)) continue;
    remember(line, index, true);
    const name = line.replace(labelList, '');
    if (name !== line) remember(name, index, false);
  }

  const located = new Map<string, number>();
  for (const name of specNames) {
    const header = headers.get(name.startsWith('[It] ') ? name.slice(5) : name);
    if (header) located.set(name, header.index);
  }
  return located;
}
