#!/usr/bin/env bash
# Builds dsrkit's opa (OPA's command line with dsrkit's date built-ins) and
# checks the shipped policy with OPA's own tools: opa check inside dsrkit's
# sandbox (policy/rego/capabilities.json), opa test, opa fmt.
#
#   cmd/opa/check.sh            build into cmd/opa/.bin/opa, check policy/rego
#   cmd/opa/check.sh DIR        check another policy directory
#   OPA_BIN=/path/opa cmd/opa/check.sh   build there instead
#
# cmd/opa is its own Go module: its build (about a minute cold) stays out of
# the root module's go test ./... and go vet ./....
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
policy="$(cd "${1:-$here/../../policy/rego}" && pwd)"
bin="${OPA_BIN:-$here/.bin/opa}"

# Modules come through the module proxy only: drop the direct fallback.
GOPROXY="$(go env GOPROXY | sed 's/,direct$//')"
export GOPROXY

echo "building $bin"
(cd "$here" && go build -o "$bin" .)
"$bin" version | sed -n 1p  # sed reads to the end: head -1 can SIGPIPE opa, fatal under pipefail

# The policy directory is read as a bundle: its .manifest roots apply, and
# capabilities.json is not mistaken for data.
echo "opa check --strict (sandbox: $policy/capabilities.json)"
"$bin" check --strict --capabilities "$policy/capabilities.json" --bundle "$policy"
echo "opa test"
"$bin" test --timeout 60s --capabilities "$policy/capabilities.json" --bundle "$policy"
echo "opa fmt"
"$bin" fmt --list --fail "$policy"
