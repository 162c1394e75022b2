import { askGoOracle } from './go-oracle.js';

const program = `package main

import (
	"encoding/json"
	"os"
	"regexp"
)

// Reads a JSON array of patterns on stdin; prints, for each, the error regexp.Compile gives ("" when it compiles).
func main() {
	var patterns []string
	if err := json.NewDecoder(os.Stdin).Decode(&patterns); err != nil {
		panic(err)
	}
	out := make([]string, len(patterns))
	for i, p := range patterns {
		if _, err := regexp.Compile(p); err != nil {
			out[i] = err.Error()
		}
	}
	_ = json.NewEncoder(os.Stdout).Encode(out)
}
`;

/** Go's own regexp.Compile, as a judge of what ginkgo will accept; built once and cached. */
export function goRegexpErrors(patterns: string[]): Promise<string[]> {
  return askGoOracle<string[]>({ name: 'go-regexp-oracle', program }, patterns);
}
