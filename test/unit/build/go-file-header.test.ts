import { describe, expect, it } from 'vitest';
import { goFileHeader } from '../../../shared/build/go-file-header.js';

const file = (body: string): string =>
  `// Copyright 2025 The Kubernetes Authors.\n\n//go:build linux\n\n// Package scheduler schedules.\npackage scheduler\n\nimport (\n\t"fmt"\n\tv1 "k8s.io/api/core/v1" // the core API\n\t_ "embed"\n)\n\nimport "strings"\n\n${body}`;

describe('goFileHeader: what go list reads of a Go file', () => {
  const base = goFileHeader(file('func A() string { return fmt.Sprint(v1.PodPending, strings.ToLower("X")) }\n'));

  it('keeps the build constraint, the package clause and every import with its name', () => {
    expect(base.split('\n')).toEqual(['//go:build linux', 'package scheduler', 'import "fmt"', 'import v1 "k8s.io/api/core/v1"', 'import _ "embed"', 'import "strings"']);
  });

  it('does not change for a body edit or a comment, wherever it is', () => {
    expect(goFileHeader(file('// a new comment\nfunc A() string { return "changed" }\n'))).toBe(base);
    expect(goFileHeader(file('func A() string { return "x" }\n').replace('Copyright 2025', 'Copyright 2026').replace('the core API', 'core'))).toBe(base);
  });

  it('changes for an added or removed import, a renamed package, another build constraint or a go:embed', () => {
    expect(goFileHeader(file('').replace('\t"fmt"\n', '\t"fmt"\n\t"os"\n'))).not.toBe(base);
    expect(goFileHeader(file('').replace('\t"fmt"\n', ''))).not.toBe(base);
    expect(goFileHeader(file('').replace('package scheduler', 'package scheduler_test'))).not.toBe(base);
    expect(goFileHeader(file('').replace('//go:build linux', '//go:build darwin'))).not.toBe(base);
    expect(goFileHeader(file('//go:embed testdata\nvar data string\n'))).not.toBe(goFileHeader(file('var data string\n')));
  });

  it('keeps a cgo file whole up to its imports, #cgo lines included', () => {
    const cgo = (flags: string) => `package native\n\n// #cgo LDFLAGS: ${flags}\n// #include <stdlib.h>\nimport "C"\n\nfunc F() {}\n`;
    expect(goFileHeader(cgo('-lm'))).not.toBe(goFileHeader(cgo('-lz')));
    expect(goFileHeader(cgo('-lm'))).toBe(goFileHeader(cgo('-lm').replace('func F() {}', 'func F() { _ = 1 }')));
  });

  it('takes a file it cannot read this way as a whole, so any change counts', () => {
    const broken = 'package x\n\nimport (\n\t"fmt"\n';
    expect(goFileHeader(broken)).toBe(`unreadable\n${broken}`);
    expect(goFileHeader('not go at all')).toBe('unreadable\nnot go at all');
    expect(goFileHeader('/* unclosed comment\npackage x\n')).toMatch(/^unreadable\n/);
  });

  it('reads imports separated by semicolons and on one line', () => {
    expect(goFileHeader('package x; import "a"; import ("b"; c "c")\nvar V = 1\n').split('\n')).toEqual(['package x', 'import "a"', 'import "b"', 'import c "c"']);
  });
});
