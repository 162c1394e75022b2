// Command oci-runtime-without-sys-resource is an OCI runtime for the tests' own Docker engine only,
// never for the app. The machines the tests run on withhold CAP_SYS_RESOURCE from every process, so
// runc cannot give it to a container, and a `--privileged` container (every kind node is one) fails
// with "unable to apply caps: operation not permitted". dockerd registers this program with
// `--add-runtime` and `--default-runtime`; it removes CAP_SYS_RESOURCE from every capability set of
// the spec runc is about to read, then replaces itself with runc, keeping every argument.
//
// Which file holds the spec follows runc 1.1's command line (runc's create.go, run.go and exec.go, and
// the way containerd's go-runc calls them): `create` and `run` read <bundle>/config.json, the bundle
// given by --bundle/-b or else the working directory; `exec` reads the process given by
// --process/-p (a spec process on its own, capabilities at its top level). Global flags come first.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// runcPath is the real runtime; the test support sets it at build time (-ldflags -X main.runcPath=...).
var runcPath = "/usr/sbin/runc"

const withheld = "CAP_SYS_RESOURCE"

// runc's global flags that take a value (runc 1.1 main.go); every other global flag is a switch.
var globalWithValue = map[string]bool{"--root": true, "--log": true, "--log-format": true, "--criu": true, "--rootless": true}

func main() {
	args := os.Args[1:]
	if err := dropFromSpec(args); err != nil {
		fmt.Fprintf(os.Stderr, "oci-runtime-without-sys-resource: %v\n", err)
		os.Exit(1)
	}
	argv := append([]string{runcPath}, args...)
	if err := syscall.Exec(runcPath, argv, os.Environ()); err != nil {
		fmt.Fprintf(os.Stderr, "oci-runtime-without-sys-resource: exec %s: %v\n", runcPath, err)
		os.Exit(1)
	}
}

// subcommand finds runc's subcommand and the arguments after it.
func subcommand(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "-") {
			return arg, args[i+1:]
		}
		if globalWithValue[arg] {
			i++
		}
	}
	return "", nil
}

// flagValue reads a flag given as "--name value", "--name=value", "-n value" or "-n=value".
func flagValue(args []string, long, short string) (string, bool) {
	for i, arg := range args {
		for _, name := range []string{long, short} {
			if arg == name && i+1 < len(args) {
				return args[i+1], true
			}
			if strings.HasPrefix(arg, name+"=") {
				return strings.TrimPrefix(arg, name+"="), true
			}
		}
	}
	return "", false
}

func dropFromSpec(args []string) error {
	command, rest := subcommand(args)
	switch command {
	case "create", "run":
		bundle, ok := flagValue(rest, "--bundle", "-b")
		if !ok {
			bundle = "."
		}
		return rewrite(filepath.Join(bundle, "config.json"), func(spec map[string]any) {
			if process, ok := spec["process"].(map[string]any); ok {
				dropCapability(process)
			}
		})
	case "exec":
		if file, ok := flagValue(rest, "--process", "-p"); ok {
			return rewrite(file, dropCapability)
		}
	}
	return nil
}

// dropCapability removes the withheld capability from each set: bounding, effective, inheritable,
// permitted and ambient (the OCI runtime spec's LinuxCapabilities).
func dropCapability(process map[string]any) {
	caps, ok := process["capabilities"].(map[string]any)
	if !ok {
		return
	}
	for set, value := range caps {
		list, ok := value.([]any)
		if !ok {
			continue
		}
		kept := make([]any, 0, len(list))
		for _, capability := range list {
			if capability != withheld {
				kept = append(kept, capability)
			}
		}
		caps[set] = kept
	}
}

func rewrite(file string, edit func(map[string]any)) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	// Numbers stay as written: a float64 would round 64-bit limits and ids.
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var spec map[string]any
	if err := decoder.Decode(&spec); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	edit(spec)
	out, err := json.Marshal(spec)
	if err != nil {
		return err
	}
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	temp := file + ".without-sys-resource"
	if err := os.WriteFile(temp, out, info.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(temp, file)
}
