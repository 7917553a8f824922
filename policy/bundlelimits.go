package policy

import (
	"fmt"

	"github.com/dsrkit/dsrkit/internal/source"
)

// Default limits on reading a policy (WithPolicyLimits): 64 MiB for all its
// files together — for a bundle, the whole decompressed tarball — and
// 16 MiB for any one file. dsrkit's shipped policy holds about 0.5 MiB.
const (
	DefaultPolicyTotalBytes = 64 << 20
	DefaultPolicyFileBytes  = 16 << 20
)

// PolicySizeError is a policy refused at New or Reload because it holds more
// than the limits allow (WithPolicyLimits). It is reached with errors.As
// through the *PolicyError, which names the file and the size; errors.Is(err,
// ErrPolicy) holds as for any policy that cannot be served.
//
// Fields: File is the file that went over (as the bundle or directory names
// it; "" when the policy as a whole did), Size the bytes found (at least
// that many were read, or, when Declared, the tar header claimed that many
// and nothing of that size was read), Limit the limit exceeded.
type PolicySizeError = source.LimitError

// BundlePathError is a bundle entry refused at New or Reload: a name that would
// leave the bundle's root or is not a clean path ("../x.rego", "/../x",
// "a//b", a backslash), an entry that is neither a regular file nor a
// directory (a symbolic or hard link, a device), or a name given twice.
// Such names are refused, never cleaned into other names. It is reached with
// errors.As through the *PolicyError.
type BundlePathError = source.PathError

// WithPolicyLimits bounds what loading the policy may read (New and every
// Reload): total bytes for all its files together (for a bundle, the whole
// decompressed tar stream, headers and padding included) and file bytes for
// any one file. Bytes are counted as they are read, never taken from a tar
// header's claim: a bundle of 81 bytes whose header claims 64 GiB is refused
// without allocating it. A policy over a limit is a *PolicyError wrapping a
// *PolicySizeError. A limit of 0 keeps its default (DefaultPolicyTotalBytes,
// DefaultPolicyFileBytes); a negative one is an option error.
func WithPolicyLimits(total, file int64) Option {
	return func(c *config) error {
		if total < 0 || file < 0 {
			return fmt.Errorf("policy limits must not be negative (total %d, file %d)", total, file)
		}
		c.limits = source.Limits{Total: total, File: file}
		return nil
	}
}
