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
# Each block starts from the environment and directory the one before left,
# so an `export` in one holds in the next; a failing block is reported and
# the rest still run. Output streams as it comes, indented; a block running
# longer than a minute says so every minute.
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
# Each block runs in a subshell that starts from the environment and the
# directory the previous block left (so an `export` or a `cd` carries on)
# and saves them when it ends; a failing block is reported and the next
# ones still run. The exit status is 1 if any block failed.
state="$work/state"
export -p > "$state.env"
pwd > "$state.pwd"
count=0
nfailed=0
failed() { echo "FAIL $where: $*"; nfailed=$((nfailed + 1)); }
for b in "$work"/blocks/*; do
	[ -d "$b" ] || continue
	where="$doc:$(cat "$b/line")"
	if [ -f "$b/file" ]; then
		if cmp -s "$b/code" "$(cat "$b/file")"; then
			echo "ok   $where  is $(cat "$b/file")"
		else
			diff "$b/code" "$(cat "$b/file")" || true
			failed "the block is not $(cat "$b/file") verbatim"
		fi
		continue
	fi
	if [ -f "$b/excerpt" ]; then
		if python3 -c 'import sys; sys.exit(0 if open(sys.argv[1]).read() in open(sys.argv[2]).read() else 1)' "$b/code" "$(cat "$b/excerpt")"; then
			echo "ok   $where  quotes $(cat "$b/excerpt")"
		else
			failed "the block no longer occurs verbatim in $(cat "$b/excerpt")"
		fi
		continue
	fi
	mode="$(cat "$b/mode" 2>/dev/null || echo run)"
	out="$b/out"
	echo "run  $where  ($mode)"
	sed 's/^/   $ /' "$b/code"
	start=$(date +%s)
	( while sleep 60; do echo "     … $where still running ($(( $(date +%s) - start ))s)"; done ) &
	tick=$!
	if [ "$mode" = fails ]; then
		n=$(grep -n . "$b/code" | tail -n 1 | cut -d: -f1)
		head -n "$((n - 1))" "$b/code" > "$b/first"
		sed -n "${n}p" "$b/code" > "$b/last"
	else
		cp "$b/code" "$b/first"
		: > "$b/last"
	fi
	# The subshell: set -e stops at the first failing command of the block;
	# in fails mode its last command must fail. Output is shown as it comes
	# and kept for the expectations.
	# (set +e here: inside `||` or `if`, the subshell's set -e would not hold.)
	set +e
	(
		set -euo pipefail
		# shellcheck disable=SC1090,SC1091
		source "$state.env"
		cd "$(cat "$state.pwd")"
		# shellcheck disable=SC1091
		source "$b/first"
		if [ -s "$b/last" ]; then
			# shellcheck disable=SC1091
			if source "$b/last"; then echo "expected to fail: $(cat "$b/last")"; exit 1; fi
		fi
		export -p | grep -v '^declare -[a-z]*r' > "$state.env.new"
		pwd > "$state.pwd"
	) 2>&1 | tee "$out" | sed 's/^/     /'
	rc=${PIPESTATUS[0]}
	set -e
	kill $tick 2>/dev/null || true
	wait $tick 2>/dev/null || true
	if [ $rc -ne 0 ]; then
		failed "exit $rc"
		continue
	fi
	# (Seen once after a long go test block: the saved environment was gone.
	# The next block then starts from the environment before this one.)
	if [ -f "$state.env.new" ]; then
		mv "$state.env.new" "$state.env"
	else
		echo "     (this block's environment was not saved; the next block starts from the one before)"
	fi
	ok=1
	for e in "$b"/expect.*; do
		[ -e "$e" ] || continue
		grep -qF -- "$(cat "$e")" "$out" || { failed "the output lacks: $(cat "$e")"; ok=0; }
	done
	[ $ok = 1 ] || continue
	count=$((count + 1))
	echo "ok   $where  ($mode, $(( $(date +%s) - start ))s)"
done
if [ $nfailed -gt 0 ]; then
	echo "$doc: $nfailed command blocks failed, $count ran as written"
	exit 1
fi
echo "$doc: $count command blocks ran as written"
