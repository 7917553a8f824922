package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// Limits bound what reading one policy may cost. Bytes are counted as they
// are read (for a bundle: after decompression), never taken from what a tar
// header or a file's size claims, so a bundle of a few bytes that claims
// gigabytes is refused before anything of that size is allocated.
type Limits struct {
	// Total is the most bytes all of a policy's files may hold together;
	// for a bundle, the whole decompressed tar stream (headers, padding and
	// skipped entries included).
	Total int64
	// File is the most bytes one file may hold.
	File int64
}

// DefaultLimits are the limits Load and LoadBundle apply: 64 MiB in all,
// 16 MiB per file. dsrkit's shipped policy holds about 0.5 MiB.
var DefaultLimits = Limits{Total: 64 << 20, File: 16 << 20}

// orDefault fills each limit that is not positive from DefaultLimits.
func (l Limits) orDefault() Limits {
	if l.Total <= 0 {
		l.Total = DefaultLimits.Total
	}
	if l.File <= 0 {
		l.File = DefaultLimits.File
	}
	return l
}

// ErrTooLarge is matched (errors.Is) by every *LimitError.
var ErrTooLarge = errors.New("policy too large")

// ErrUnsafePath is matched (errors.Is) by every *PathError.
var ErrUnsafePath = errors.New("unsafe path in bundle")

// LimitError is a policy refused because it holds more than Limits allow.
type LimitError struct {
	// File is the file that went over the limit (as named in the bundle or
	// file system); "" when the policy as a whole did.
	File string
	// Size is the number of bytes found: at least this many were read, or
	// the tar header declared this many (Declared).
	Size int64
	// Declared: Size is what the file's tar header claims; nothing of that
	// size was read.
	Declared bool
	// Limit is the limit that was exceeded (Limits.File or Limits.Total).
	Limit int64
}

func (e *LimitError) Error() string {
	switch {
	case e.File == "":
		return fmt.Sprintf("the policy holds more than %d bytes in all (the limit): refused after %d bytes", e.Limit, e.Size)
	case e.Declared:
		return fmt.Sprintf("%s declares %d bytes, more than the limit of %d bytes for one file", e.File, e.Size, e.Limit)
	default:
		return fmt.Sprintf("%s holds more than %d bytes, the limit for one file", e.File, e.Limit)
	}
}

// Is reports ErrTooLarge.
func (e *LimitError) Is(target error) bool { return target == ErrTooLarge }

// PathError is a bundle entry refused for its name or type: a name that
// would leave the bundle's root or is not a clean path, an entry that is
// neither a regular file nor a directory, a name given twice.
type PathError struct {
	Name   string // as written in the tar header
	Reason string
}

func (e *PathError) Error() string { return fmt.Sprintf("entry %q: %s", e.Name, e.Reason) }

// Is reports ErrUnsafePath.
func (e *PathError) Is(target error) bool { return target == ErrUnsafePath }

// budget counts the bytes read through it and fails once more than left
// have been read.
type budget struct {
	r    io.Reader
	read int64
	max  int64
}

// errBudget is returned by budget.Read once the total is spent; callers
// turn it into a *LimitError.
var errBudget = errors.New("total size limit reached")

func (b *budget) Read(p []byte) (int, error) {
	if b.read > b.max {
		return 0, errBudget
	}
	if rest := b.max - b.read + 1; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := b.r.Read(p)
	b.read += int64(n)
	if b.read > b.max {
		return n, errBudget
	}
	return n, err
}

// readLimited reads r to its end, at most limit bytes; name is for the
// error. A read that would pass limit is a *LimitError.
func readLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &LimitError{File: name, Size: int64(len(b)), Limit: limit}
	}
	return b, nil
}

// readFS reads one file of a file system within the per-file limit and
// what is left of the total.
func readFS(fsys fs.FS, name string, lim Limits, used *int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	limit := min(lim.File, lim.Total-*used)
	b, err := readLimited(f, name, limit)
	if le, ok := errors.AsType[*LimitError](err); ok && limit < lim.File {
		le.File, le.Limit, le.Size = "", lim.Total, *used+le.Size
	}
	if err != nil {
		return nil, err
	}
	*used += int64(len(b))
	return b, nil
}

// bundlePath is the path of a tar entry relative to the bundle's root: the
// name without the one leading "/" that opa build writes (or "./" that tar
// writes). Anything else that is not a clean relative path — "..", ".",
// empty elements, a further leading "/", a backslash, a NUL — is refused,
// never cleaned into something else.
func bundlePath(name string) (string, error) {
	p := name
	switch {
	case strings.HasPrefix(p, "./"):
		p = p[2:]
	case strings.HasPrefix(p, "/"):
		p = p[1:]
	}
	switch {
	case strings.ContainsAny(p, "\\\x00"):
		return "", &PathError{Name: name, Reason: "a backslash or NUL in the name"}
	case p == "":
		return "", &PathError{Name: name, Reason: "an empty name"}
	case slices.Contains(strings.Split(p, "/"), ".."):
		return "", &PathError{Name: name, Reason: `a ".." element leaves the bundle's root (opa build -b ../DIR writes such names: run opa build from a directory that holds DIR)`}
	case !fs.ValidPath(p):
		return "", &PathError{Name: name, Reason: `not a clean path inside the bundle ("." or empty elements, or a second leading "/")`}
	}
	return p, nil
}
