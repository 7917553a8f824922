#!/usr/bin/env bash
# doc-commands.sh [--in-place] DOC [CHECKOUT]: run the shell commands a
# Markdown document shows, verbatim and in order, the way a reader pastes
# them — by default in a fresh `git clone` of CHECKOUT (default: this
# checkout's committed HEAD); with --in-place, in this checkout itself (for
# commands that only read the tree, such as the README's).
#
# The document marks what CI does with HTML comments on the lines right
# before a fenced block (they do not show on a rendered page):
#   <!-- ci: run -->              the ```sh block must succeed (set -e)
#   <!-- ci: fails -->            every command but the last must succeed,
#                                 the last must fail (a test an edit breaks,
#                                 an invalid request)
#   <!-- ci: expect TEXT -->      the block's output (stdout and stderr)
#                                 contains TEXT; repeatable
#   <!-- ci: file PATH -->        the block is the file PATH, verbatim
#   <!-- ci: excerpt PATH -->     the block occurs verbatim in the file PATH
# Blocks without a marker (outputs, code shown for reading) are not run.
# All blocks share one shell, so an `export` in one holds in the next.
# Output streams as it comes, indented; a block running longer than a
# minute says so every minute.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
inplace=0
if [ "${1:-}" = --in-place ]; then inplace=1; shift; fi
doc="${1:?usage: doc-commands.sh [--in-place] DOC [CHECKOUT]}"
checkout="${2:-$here}"
work="$(mktemp -d "${TMPDIR:-/tmp}/dsrkit-doc.XXXXXX")"
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [ "$inplace" = 1 ]; then
	root="$checkout"
else
	git clone -q "$checkout" "$work/clone"
	root="$work/clone"
	# While editing a document: DOC_WORKTREE=1 runs the checkout's
	# uncommitted docs/ in the clone (the rest is HEAD). CI never sets it.
	if [ "${DOC_WORKTREE:-}" = 1 ]; then cp -r "$checkout/docs/." "$root/docs/"; fi
fi
# mktemp in the document's commands makes its copies inside $work.
mkdir -p "$work/tmp" "$work/blocks"
export TMPDIR="$work/tmp"

# Split the document into blocks: blocks/N/{line,mode,code,expect.K,file,excerpt}.
awk -v dir="$work/blocks" -v doc="$doc" '
	function flush() { n++; d = dir "/" sprintf("%03d", n); system("mkdir -p " d) }
	/^<!-- ci: [a-z]+( .*)? -->$/ {
		if (!pending) { flush(); pending = 1; k = 0 }
		m = $0; sub(/^<!-- ci: /, "", m); sub(/ -->$/, "", m)
		verb = m; sub(/ .*/, "", verb); arg = m; sub(/^[a-z]+ ?/, "", arg)
		if (verb == "run" || verb == "fails") print verb > (d "/mode")
		else if (verb == "expect") { k++; printf "%s", arg > (d "/expect." k) }
		else if (verb == "file" || verb == "excerpt") print arg > (d "/" verb)
		else { print doc ":" NR ": unknown marker " $0 > "/dev/stderr"; exit 1 }
		next
	}
	pending && /^```/ { inblock = 1; pending = 0; print NR + 1 > (d "/line"); printf "" > (d "/code"); next }
	inblock && /^```$/ { inblock = 0; next }
	inblock { print > (d "/code"); next }
	pending && NF { print doc ":" NR ": a ci marker must come right before a fenced block" > "/dev/stderr"; exit 1 }
' "$root/$doc"

cd "$root"
count=0
failed() { echo "FAIL $where: $*"; exit 1; }
for b in "$work"/blocks/*; do
	[ -d "$b" ] || continue
	where="$doc:$(cat "$b/line")"
	if [ -f "$b/file" ]; then
		cmp -s "$b/code" "$(cat "$b/file")" || { diff "$b/code" "$(cat "$b/file")" || true; failed "the block is not $(cat "$b/file") verbatim"; }
		echo "ok   $where  is $(cat "$b/file")"
		continue
	fi
	if [ -f "$b/excerpt" ]; then
		python3 -c 'import sys; sys.exit(0 if open(sys.argv[1]).read() in open(sys.argv[2]).read() else 1)' "$b/code" "$(cat "$b/excerpt")" \
			|| failed "the block no longer occurs verbatim in $(cat "$b/excerpt")"
		echo "ok   $where  quotes $(cat "$b/excerpt")"
		continue
	fi
	mode="$(cat "$b/mode" 2>/dev/null || echo run)"
	out="$b/out"
	echo "run  $where  ($mode)"
	sed 's/^/   $ /' "$b/code"
	start=$(date +%s)
	( while sleep 60; do echo "     … $where still running ($(( $(date +%s) - start ))s)"; done ) &
	tick=$!
	# The block runs in this shell (its exports persist), its output shown
	# as it comes and kept for the expectations; set -e stops at the first
	# failing command, and the trap names the block.
	trap 'rc=$?; kill $tick 2>/dev/null || true; if [ $rc -ne 0 ]; then echo "FAIL $where (exit $rc)"; fi; cleanup' EXIT
	if [ "$mode" = fails ]; then
		n=$(grep -n . "$b/code" | tail -n 1 | cut -d: -f1)
		head -n "$((n - 1))" "$b/code" > "$b/first"
		sed -n "${n}p" "$b/code" > "$b/last"
		{
			# shellcheck disable=SC1091
			source "$b/first"
			# shellcheck disable=SC1091
			if source "$b/last"; then echo "expected to fail: $(cat "$b/last")"; false; fi
		} > >(tee "$out" | sed 's/^/     /') 2>&1
	else
		# shellcheck disable=SC1091
		source "$b/code" > >(tee "$out" | sed 's/^/     /') 2>&1
	fi
	wait $! 2>/dev/null || true # the output's process substitution
	kill $tick 2>/dev/null || true
	wait $tick 2>/dev/null || true
	trap cleanup EXIT
	for e in "$b"/expect.*; do
		[ -e "$e" ] || continue
		grep -qF -- "$(cat "$e")" "$out" || failed "the output lacks: $(cat "$e")"
	done
	count=$((count + 1))
	echo "ok   $where  ($mode, $(( $(date +%s) - start ))s)"
done
echo "$doc: $count command blocks ran as written"
