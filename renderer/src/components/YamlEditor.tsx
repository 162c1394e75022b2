import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder as placeholderText } from '@codemirror/view';

/** A problem found in the YAML, on its line (1-based; 0 or missing: the whole document). */
export interface EditorProblem {
  line?: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Where each problem sits in the document: its column to the end of its line. */
function diagnosticsFor(doc: Text, problems: readonly EditorProblem[]): Diagnostic[] {
  return problems.flatMap((problem) => {
    if (!problem.line || problem.line < 1 || problem.line > doc.lines) return [];
    const line = doc.line(problem.line);
    const from = Math.min(line.to, line.from + Math.max(0, (problem.column ?? 1) - 1));
    return [{ from, to: Math.max(from, line.to), severity: problem.severity, message: problem.message }];
  });
}

/** Colours that read on the dark background (CodeMirror's default style is made for light ones). */
const yamlColours = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#79c0ff' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: '#a5d6ff' },
  { tag: [tags.number, tags.bool, tags.null, tags.keyword, tags.atom], color: '#ffa657' },
  { tag: [tags.comment, tags.lineComment], color: '#8b949e', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: '#c9d1d9' },
  { tag: [tags.meta, tags.labelName, tags.typeName], color: '#d2a8ff' },
  { tag: tags.invalid, color: '#ffa198' },
]);

const darkTheme = EditorView.theme(
  {
    '&': { backgroundColor: '#0d1117', color: '#c9d1d9', border: '1px solid #30363d', borderRadius: '6px', fontSize: '13px' },
    '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', caretColor: '#c9d1d9' },
    '.cm-gutters': { backgroundColor: '#0d1117', color: '#6e7681', borderRight: '1px solid #30363d' },
    '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: '#161b22' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: '#264f78' },
    '.cm-tooltip': { backgroundColor: '#161b22', border: '1px solid #30363d', color: '#c9d1d9' },
  },
  { dark: true },
);

/**
 * YAML as an editor shows it: highlighted, line numbers, undo, Tab to indent, and every problem
 * underlined on its line with its message on hover and a mark in the gutter. The parent keeps the
 * text and the problems; this only shows them and reports edits.
 */
export function YamlEditor(props: { value: string; onChange(text: string): void; problems: readonly EditorProblem[]; label: string; disabled?: boolean; placeholder?: string; onBlur?(): void }): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;
  const editable = useRef(new Compartment());

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          bracketMatching(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          yaml(),
          syntaxHighlighting(yamlColours),
          lintGutter(),
          darkTheme,
          placeholderText(latest.current.placeholder ?? ''),
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label, spellcheck: 'false' }),
          editable.current.of(EditorView.editable.of(!latest.current.disabled)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) latest.current.onBlur?.();
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = undefined;
    };
  }, []);

  // A change from outside (the form above, Put back, a rerun) replaces the text; typing here does not come back round.
  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== props.value) current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    const current = view.current;
    if (current) current.dispatch(setDiagnostics(current.state, diagnosticsFor(current.state.doc, props.problems)));
  }, [props.problems, props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure(EditorView.editable.of(!props.disabled)) });
  }, [props.disabled]);

  return <div ref={host} className="yaml-cm" />;
}
