package builtins

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantAllowed is the sandbox, written out: every OPA built-in a dsrkit
// policy may call (its reason is in allowed, capabilities.go). Adding or
// removing one means changing this list too, in review.
var wantAllowed = []string{
	"abs", "all", "and", "any", "array.concat", "array.flatten", "array.reverse", "array.slice",
	"assign", "base64.decode", "base64.encode", "base64.is_valid", "base64url.decode",
	"base64url.encode", "base64url.encode_no_pad", "bits.and", "bits.negate", "bits.or", "bits.rsh",
	"bits.xor", "cast_array", "cast_boolean", "cast_null", "cast_object", "cast_set", "cast_string",
	"ceil", "concat", "contains", "count", "crypto.hmac.equal", "crypto.hmac.md5",
	"crypto.hmac.sha1", "crypto.hmac.sha256", "crypto.hmac.sha512", "crypto.md5",
	"crypto.parse_private_keys", "crypto.sha1", "crypto.sha256",
	"crypto.x509.parse_certificate_request", "crypto.x509.parse_certificates",
	"crypto.x509.parse_keypair", "crypto.x509.parse_rsa_private_key", "div", "endswith", "eq",
	"equal", "floor", "format_int", "glob.match", "glob.quote_meta", "graph.reachable", "gt", "gte",
	"hex.decode", "hex.encode", "indexof", "indexof_n", "internal.member_2", "internal.member_3",
	"internal.print", "internal.template_string", "internal.test_case", "intersection",
	"io.jwt.decode", "io.jwt.verify_eddsa", "io.jwt.verify_es256", "io.jwt.verify_es384",
	"io.jwt.verify_es512", "io.jwt.verify_hs256", "io.jwt.verify_hs384", "io.jwt.verify_hs512",
	"io.jwt.verify_ps256", "io.jwt.verify_ps384", "io.jwt.verify_ps512", "io.jwt.verify_rs256",
	"io.jwt.verify_rs384", "io.jwt.verify_rs512", "is_array", "is_boolean", "is_null", "is_number",
	"is_object", "is_set", "is_string", "json.filter", "json.is_valid", "json.marshal",
	"json.marshal_with_options", "json.patch", "json.remove", "json.unmarshal", "lower", "lt", "lte",
	"max", "min", "minus", "mul", "neq", "object.filter", "object.get", "object.keys",
	"object.remove", "object.subset", "object.union", "object.union_n", "or", "plus", "print",
	"product", "providers.aws.sign_req", "re_match", "regex.find_all_string_submatch_n",
	"regex.find_n", "regex.globs_match", "regex.is_valid", "regex.match", "regex.replace",
	"regex.split", "regex.template_match", "rego.metadata.chain", "rego.metadata.rule",
	"rego.parse_module", "rem", "replace", "round", "semver.compare", "semver.is_valid", "set_diff",
	"sort", "split", "sprintf", "startswith", "strings.any_prefix_match", "strings.any_suffix_match",
	"strings.count", "strings.replace_n", "strings.reverse", "strings.split_n", "substring", "sum",
	"time.parse_duration_ns", "time.parse_rfc3339_ns", "to_number", "trace", "trim", "trim_left",
	"trim_prefix", "trim_right", "trim_space", "trim_suffix", "type_name", "union", "units.parse",
	"units.parse_bytes", "upper", "uri.is_valid", "uri.parse", "urlquery.decode",
	"urlquery.decode_object", "urlquery.encode", "urlquery.encode_object", "walk", "yaml.is_valid",
	"yaml.marshal", "yaml.unmarshal",
}

// wantOwn are dsrkit's own built-ins.
var wantOwn = []string{
	"dsrkit.add_business_days", "dsrkit.add_days", "dsrkit.add_months", "dsrkit.add_months_eu",
	"dsrkit.business_days_between", "dsrkit.days_between", "dsrkit.is_business_day",
	"dsrkit.next_business_day", "dsrkit.receipt_date",
}

func TestSandboxIsTheReviewedList(t *testing.T) {
	var got []string
	for _, b := range Capabilities().Builtins {
		got = append(got, b.Name)
	}
	want := slices.Sorted(slices.Values(append(slices.Clone(wantAllowed), wantOwn...)))
	assert.Equal(t, want, got, "the sandbox changed: review the built-in against \"pure function of its arguments\" and update allowed/refused (capabilities.go) and wantAllowed")
	assert.Equal(t, wantAllowed, slices.Sorted(maps.Keys(allowed)))
	for name, reason := range allowed {
		assert.NotEmpty(t, strings.TrimSpace(reason), "allowed[%q] has no reason", name)
		assert.NotContains(t, refused, name, "%s is both allowed and refused", name)
	}
}

// TestEveryOPABuiltinIsJudged: every built-in of this OPA version is either
// allowed or refused, with a reason; an OPA upgrade that adds one fails
// here until it is judged, and a name that OPA no longer has is stale.
func TestEveryOPABuiltinIsJudged(t *testing.T) {
	opa := map[string]*ast.Builtin{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		opa[b.Name] = b
		_, a := allowed[b.Name]
		r, f := refused[b.Name]
		assert.True(t, a != f, "%s: judge it in allowed or refused (capabilities.go), exactly once", b.Name)
		if f {
			assert.NotEmpty(t, strings.TrimSpace(r), "refused[%q] has no reason", b.Name)
		}
		if a {
			assert.False(t, b.Nondeterministic, "%s is allowed but OPA marks it non-deterministic", b.Name)
		}
	}
	for name := range allowed {
		assert.Contains(t, opa, name, "allowed[%q]: OPA has no such built-in", name)
	}
	for name := range refused {
		assert.Contains(t, opa, name, "refused[%q]: OPA has no such built-in", name)
	}
}

func TestRefusedBuiltinsAreOutOfTheSandbox(t *testing.T) {
	for _, name := range []string{
		"crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_and_verify_certificates_with_options",
		"time.format", "time.date", "time.clock", "time.weekday", "time.add_date", "time.diff", "time.parse_ns",
		"numbers.range", "numbers.range_step", "bits.lsh", "strings.render_template", "graph.reachable_paths",
		"time.now_ns", "http.send", "opa.runtime", "rand.intn", "uuid.rfc4122", "net.lookup_ip_addr",
	} {
		b := ast.BuiltinMap[name]
		require.NotNil(t, b, name)
		assert.False(t, Allowed(b), name)
		assert.NotEmpty(t, Refusal(name), name)
		assert.False(t, slices.ContainsFunc(Capabilities().Builtins, func(c *ast.Builtin) bool { return c.Name == name }), name)
	}
	assert.Equal(t, "", Refusal("time.parse_rfc3339_ns"))
	assert.Equal(t, "not (yet) judged pure by dsrkit (internal/builtins/capabilities.go)", Refusal("no.such"))
	assert.False(t, Allowed(&ast.Builtin{Name: "no.such"}), "an unjudged built-in is refused")
}
