#!/usr/bin/env bash
# outside-module.sh [CHECKOUT]: dsrkit as a dependency, seen from outside.
#
# With an EMPTY module cache and build cache in a temp dir outside the
# checkout, create a new module that requires github.com/dsrkit/dsrkit
# (the only replace: dsrkit itself → CHECKOUT, default this checkout), put
# the README's embedding code in its main.go (docs/examples/embed/main.go,
# whose body go test ./deletion checks against the README), and run
# go mod tidy, go vet, go build; run the program and compare its output with
# what the README says it prints. Then, from that module's view,
# `GOBIN=<tmp> go install github.com/dsrkit/dsrkit/cmd/dsrkit` and run it.
#
# Every module comes through the module proxy (GOPROXY without ,direct): a
# dependency that only dsrkit's own replace directives could resolve fails
# here, as it would for a user.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"

GOPROXY="$(go env GOPROXY | sed 's/,direct$//')"
export GOPROXY
tmp="$(mktemp -d "${TMPDIR:-/tmp}/dsrkit-outside.XXXXXX")"
# -modcacherw: the module cache is writable, so the cleanup can remove it.
trap 'chmod -R u+w "$tmp" 2>/dev/null || true; rm -rf "$tmp"' EXIT
export GOMODCACHE="$tmp/modcache" GOCACHE="$tmp/gocache" GOFLAGS=-modcacherw GOWORK=off
case "$checkout" in "$tmp"/*) echo "the temp dir is inside the checkout" >&2; exit 1 ;; esac

mod="$tmp/host"
mkdir -p "$mod"
cd "$mod"
step() { echo "outside-module: [${SECONDS}s] $*"; }

step "new module in $mod, requiring github.com/dsrkit/dsrkit (replace → $checkout), empty GOMODCACHE and GOCACHE"
go mod init example.com/host >/dev/null 2>&1
go mod edit -require=github.com/dsrkit/dsrkit@v0.0.0-00010101000000-000000000000 \
	-replace=github.com/dsrkit/dsrkit="$checkout"
cp "$checkout/docs/examples/embed/main.go" main.go

step "go mod tidy"
go mod tidy
# The host needs no replace but dsrkit's own: dsrkit's go.mod must resolve
# through the proxy as it stands.
replaces="$(go mod edit -json | python3 -c 'import json,sys; print(" ".join(r["Old"]["Path"] for r in json.load(sys.stdin).get("Replace") or []))')"
[ "$replaces" = github.com/dsrkit/dsrkit ] || { echo "unexpected replace directives: $replaces" >&2; exit 1; }
grep -q '^replace' "$checkout/go.mod" && { echo "dsrkit's go.mod has a replace directive: a dependent ignores it" >&2; exit 1; }

step "go vet"
go vet ./...
step "go build"
go build -o "$tmp/host-bin" .

# What the README says the embedding code prints: the fenced block after
# its <!-- embed-output: … --> marker.
want="$(awk '/^<!-- embed-output: deletion.Example_embedding -->$/ { m = 1; next } m && /^```/ { if (in_) exit; in_ = 1; next } in_ { print }' "$checkout/README.md")"
[ -n "$want" ] || { echo "README.md: no embed-output block" >&2; exit 1; }
got="$("$tmp/host-bin")"
step "run: $got"
[ "$got" = "$want" ] || { echo "the program printed"; echo "$got"; echo "the README says"; echo "$want"; exit 1; } >&2
step "output is the README's"

step "GOBIN=$tmp/bin go install github.com/dsrkit/dsrkit/cmd/dsrkit"
GOBIN="$tmp/bin" go install github.com/dsrkit/dsrkit/cmd/dsrkit
"$tmp/bin/dsrkit" version | tee "$tmp/version.txt"
grep -q '^policy    revision ' "$tmp/version.txt" || { echo "dsrkit version: no policy revision" >&2; exit 1; }
# The installed CLI decides the README's example request as the README says.
"$tmp/bin/dsrkit" decide "$checkout/examples/requests/ccpa-delete.json" > "$tmp/decision.json"
grep -q '"outcome": "needs_review"' "$tmp/decision.json" || { echo "dsrkit decide: unexpected decision" >&2; cat "$tmp/decision.json" >&2; exit 1; }
step "the installed dsrkit runs: version and decide"
