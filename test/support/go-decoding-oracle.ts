import { askGoOracle } from './go-oracle.js';

/** The yaml.v3 release kind v0.30–v0.33 pin in their go.mod. */
const yamlModule = 'go.yaml.in/yaml/v3@v3.0.4';

const program = `package main

import (
	"encoding/json"
	"net"
	"os"

	yaml "go.yaml.in/yaml/v3"
)

type input struct {
	IPs     []string \`json:"ips"\`
	Scalars []string \`json:"scalars"\`
}

type ipOut struct {
	IP    *string \`json:"ip"\`
	CIDR  *string \`json:"cidr"\`
	CIDR4 bool    \`json:"cidr4"\`
}

type scalarOut struct {
	Int  *int32  \`json:"int"\`
	Bool *bool   \`json:"bool"\`
	Str  *string \`json:"str"\`
}

// Reads IP/CIDR texts and YAML scalar texts on stdin; prints what net.ParseIP, net.ParseCIDR and
// yaml.v3 decoding "v: <scalar>" into an int32, a bool and a string field make of each (null = error).
func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	ips := make([]ipOut, len(in.IPs))
	for i, text := range in.IPs {
		if ip := net.ParseIP(text); ip != nil {
			s := ip.String()
			ips[i].IP = &s
		}
		if _, cidr, err := net.ParseCIDR(text); err == nil {
			s := cidr.IP.String()
			ips[i].CIDR = &s
			ips[i].CIDR4 = cidr.IP.To4() != nil
		}
	}
	scalars := make([]scalarOut, len(in.Scalars))
	for i, text := range in.Scalars {
		doc := []byte("v: " + text + "\\n")
		var n struct{ V int32 \`yaml:"v"\` }
		if yaml.Unmarshal(doc, &n) == nil {
			scalars[i].Int = &n.V
		}
		var b struct{ V bool \`yaml:"v"\` }
		if yaml.Unmarshal(doc, &b) == nil {
			scalars[i].Bool = &b.V
		}
		var s struct{ V string \`yaml:"v"\` }
		if yaml.Unmarshal(doc, &s) == nil {
			scalars[i].Str = &s.V
		}
	}
	_ = json.NewEncoder(os.Stdout).Encode(map[string]interface{}{"ips": ips, "scalars": scalars})
}
`;

export interface GoDecoding {
  ips: Array<{ ip: string | null; cidr: string | null; cidr4: boolean }>;
  scalars: Array<{ int: number | null; bool: boolean | null; str: string | null }>;
}

/**
 * Go's own net.ParseIP / net.ParseCIDR and go.yaml.in/yaml/v3 v3.0.4 (the decoder kind loads
 * configs with), as judges of the app's Go-compatible readers; built once and cached.
 */
export function goDecoding(ips: string[], scalars: string[]): Promise<GoDecoding> {
  return askGoOracle<GoDecoding>({ name: 'go-decoding-oracle', program, modules: [yamlModule] }, { ips, scalars });
}
