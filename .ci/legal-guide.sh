#!/usr/bin/env bash
# legal-guide.sh [CHECKOUT]: run docs/legal-guide.md's commands verbatim, in
# order, in a fresh `git clone` of CHECKOUT (default: this checkout's
# committed HEAD), the way a legal editor pastes them.
#
# The guide marks what CI does with an HTML comment on the lines before a
# fenced block (the markers do not show on a rendered page):
#   <!-- ci: run -->              the ```sh block must succeed (set -e)
#   <!-- ci: fails -->            every command but the last must succeed,
#                                 the last must fail (a test the edit breaks)
#   <!-- ci: expect TEXT -->      the block's output (stdout and stderr)
#                                 contains TEXT; repeatable
#   <!-- ci: file PATH -->        the block is the file PATH, verbatim
#   <!-- ci: excerpt PATH -->     the block occurs verbatim in the file PATH
# Blocks without a marker (outputs, Rego shown for reading) are not run.
# All run blocks share one shell, so an `export` in one holds in the next.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
checkout="${1:-$here}"
work="$(mktemp -d "${TMPDIR:-/tmp}/dsrkit-guide.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

git clone -q "$checkout" "$work/clone"
# While editing the guide: LEGAL_GUIDE_WORKTREE=1 runs the checkout's
# uncommitted docs/ (the rest is the clone's HEAD). CI never sets it.
if [ "${LEGAL_GUIDE_WORKTREE:-}" = 1 ]; then cp -r "$checkout/docs/." "$work/clone/docs/"; fi
# mktemp in the guide's commands makes its copies inside $work.
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
guide="$work/clone/docs/legal-guide.md"
mkdir -p "$work/blocks"

# Split the guide into blocks: blocks/N/{line,mode,code,expect.K,file,excerpt}.
awk -v dir="$work/blocks" '
	function flush() { n++; d = dir "/" sprintf("%03d", n); system("mkdir -p " d) }
	/^<!-- ci: [a-z]+( .*)? -->$/ {
		if (!pending) { flush(); pending = 1; k = 0 }
		m = $0; sub(/^<!-- ci: /, "", m); sub(/ -->$/, "", m)
		verb = m; sub(/ .*/, "", verb); arg = m; sub(/^[a-z]+ ?/, "", arg)
		if (verb == "run" || verb == "fails") print verb > (d "/mode")
		else if (verb == "expect") { k++; printf "%s", arg > (d "/expect." k) }
		else if (verb == "file" || verb == "excerpt") print arg > (d "/" verb)
		else { print "legal-guide.md:" NR ": unknown marker " $0 > "/dev/stderr"; exit 1 }
		next
	}
	pending && /^```/ { inblock = 1; pending = 0; print NR + 1 > (d "/line"); printf "" > (d "/code"); next }
	inblock && /^```$/ { inblock = 0; next }
	inblock { print > (d "/code"); next }
	pending && NF { print "legal-guide.md:" NR ": a ci marker must come right before a fenced block" > "/dev/stderr"; exit 1 }
' "$guide"

cd "$work/clone"
count=0
for b in "$work"/blocks/*; do
	line="$(cat "$b/line")"
	where="docs/legal-guide.md:$line"
	if [ -f "$b/file" ]; then
		cmp -s "$b/code" "$(cat "$b/file")" || { echo "$where: the block is not $(cat "$b/file") verbatim:"; diff "$b/code" "$(cat "$b/file")" || true; exit 1; }
		echo "ok  $where  is $(cat "$b/file")"
		continue
	fi
	if [ -f "$b/excerpt" ]; then
		python3 -c 'import sys; sys.exit(0 if open(sys.argv[1]).read() in open(sys.argv[2]).read() else 1)' "$b/code" "$(cat "$b/excerpt")" \
			|| { echo "$where: the block no longer occurs in $(cat "$b/excerpt"):"; cat "$b/code"; exit 1; }
		echo "ok  $where  quotes $(cat "$b/excerpt")"
		continue
	fi
	mode="$(cat "$b/mode" 2>/dev/null || echo run)"
	out="$b/out"
	start=$SECONDS
	# The block runs in this shell (its exports persist); set -e stops at the
	# first failing command, and the EXIT trap below shows what it printed.
	trap 'rc=$?; if [ $rc -ne 0 ]; then echo "FAIL $where (exit $rc):"; sed "s/^/    /" "$out"; fi; chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
	if [ "$mode" = fails ]; then
		last="$(grep -v '^[[:space:]]*$' "$b/code" | tail -n 1)"
		head -n "$(( $(grep -n . "$b/code" | tail -n 1 | cut -d: -f1) - 1 ))" "$b/code" > "$b/first"
		{
			# shellcheck disable=SC1090
			source "$b/first"
			if eval "$last"; then echo "expected to fail: $last"; false; fi
		} > "$out" 2>&1
	else
		# shellcheck disable=SC1090
		source "$b/code" > "$out" 2>&1
	fi
	for e in "$b"/expect.*; do
		[ -e "$e" ] || continue
		grep -qF -- "$(cat "$e")" "$out" || { echo "$where: output lacks: $(cat "$e")"; false; }
	done
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
	count=$((count + 1))
	echo "ok  $where  ($mode, $((SECONDS - start))s): $(head -n 1 "$b/code")"
done
echo "legal guide: $count command blocks ran as written"
