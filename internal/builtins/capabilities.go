package builtins

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// A dsrkit policy is a pure function of its request and its own data: a
// decision may depend neither on the clock, the host (environment, files,
// time zone database, $TZ), the network nor chance, and evaluating it may not
// allocate beyond what its inputs bound. Every built-in this OPA version
// offers is judged here, one by one, against that rule: allowed lists the
// built-ins a policy may call with the reason each is pure; refused lists
// the others with the reason each is not. A built-in in neither (one a new
// OPA version adds) is refused until someone judges it; the package's tests
// fail until then.
//
// Where a built-in is pure except for one argument value (the time.*
// built-ins with the zone "Local"), it is refused as a whole rather than
// guarded: any other zone name is read with time.LoadLocation, which
// consults $ZONEINFO and the host's zoneinfo before the embedded tz
// database, so no zone argument is host-independent; the policy converts
// zones with dsrkit.receipt_date and counts months with dsrkit.add_months.
var allowed = map[string]string{
	// Operators and comparisons.
	"assign":            "the := operator: binds a value",
	"eq":                "the = operator: unification of its operands",
	"equal":             "the == operator: compares its operands",
	"neq":               "the != operator: compares its operands",
	"gt":                "the > operator: compares its operands",
	"gte":               "the >= operator: compares its operands",
	"lt":                "the < operator: compares its operands",
	"lte":               "the <= operator: compares its operands",
	"internal.member_2": "the in operator: membership in its operand",
	"internal.member_3": "the in operator with a key: membership in its operand",

	// Numbers (OPA refuses number literals too big to parse; to_number refuses out-of-range strings).
	"abs":         "arithmetic on its operand",
	"ceil":        "arithmetic on its operand",
	"floor":       "arithmetic on its operand",
	"round":       "arithmetic on its operand",
	"div":         "arithmetic on its operands",
	"minus":       "arithmetic on its operands (also set difference)",
	"mul":         "arithmetic on its operands",
	"plus":        "arithmetic on its operands",
	"rem":         "arithmetic on its operands",
	"format_int":  "formats its number operand",
	"to_number":   "converts its operand",
	"bits.and":    "bitwise operation on its operands; the result is no larger than they are",
	"bits.negate": "bitwise operation on its operand; the result is no larger than it is",
	"bits.or":     "bitwise operation on its operands; the result is no larger than they are",
	"bits.rsh":    "shifts right: the result is no larger than the operand",
	"bits.xor":    "bitwise operation on its operands; the result is no larger than they are",

	// Aggregates and collections.
	"all":             "aggregate over its collection",
	"any":             "aggregate over its collection",
	"count":           "aggregate over its collection",
	"max":             "aggregate over its collection",
	"min":             "aggregate over its collection",
	"product":         "aggregate over its collection",
	"sum":             "aggregate over its collection",
	"sort":            "sorts its collection",
	"and":             "the & operator: set intersection of its operands",
	"or":              "the | operator: set union of its operands",
	"intersection":    "set intersection of its operands",
	"union":           "set union of its operands",
	"set_diff":        "set difference of its operands",
	"array.concat":    "joins its arrays: as large as they are together",
	"array.flatten":   "flattens its array: as large as it is",
	"array.reverse":   "reverses its array",
	"array.slice":     "a part of its array",
	"object.filter":   "a part of its object",
	"object.get":      "reads its object",
	"object.keys":     "the keys of its object",
	"object.remove":   "a part of its object",
	"object.subset":   "compares its operands",
	"object.union":    "merges its objects: as large as they are together",
	"object.union_n":  "merges its objects: as large as they are together",
	"json.filter":     "a part of its operand",
	"json.remove":     "a part of its operand",
	"json.patch":      "applies its patch to its operand",
	"walk":            "lists the paths and values of its operand",
	"graph.reachable": "the nodes reachable in its graph: no more than it holds",

	// Types and deprecated casts.
	"is_array":     "tests its operand's type",
	"is_boolean":   "tests its operand's type",
	"is_null":      "tests its operand's type",
	"is_number":    "tests its operand's type",
	"is_object":    "tests its operand's type",
	"is_set":       "tests its operand's type",
	"is_string":    "tests its operand's type",
	"type_name":    "names its operand's type",
	"cast_array":   "converts its operand",
	"cast_boolean": "converts its operand",
	"cast_null":    "converts its operand",
	"cast_object":  "converts its operand",
	"cast_set":     "converts its operand",
	"cast_string":  "converts its operand",

	// Strings.
	"concat":                           "joins its strings: as long as they are together",
	"contains":                         "searches its string",
	"endswith":                         "tests its string",
	"startswith":                       "tests its string",
	"indexof":                          "searches its string",
	"indexof_n":                        "searches its string: at most one index per character",
	"lower":                            "converts its string",
	"upper":                            "converts its string",
	"replace":                          "replaces in its string: bounded by the operands' lengths",
	"split":                            "splits its string",
	"sprintf":                          "formats its operands (Go's fmt caps widths and precisions at 10^6)",
	"substring":                        "a part of its string",
	"trim":                             "a part of its string",
	"trim_left":                        "a part of its string",
	"trim_prefix":                      "a part of its string",
	"trim_right":                       "a part of its string",
	"trim_space":                       "a part of its string",
	"trim_suffix":                      "a part of its string",
	"strings.any_prefix_match":         "tests its strings",
	"strings.any_suffix_match":         "tests its strings",
	"strings.count":                    "counts in its string",
	"strings.replace_n":                "replaces in its string: bounded by the operands' lengths",
	"strings.reverse":                  "reverses its string",
	"strings.split_n":                  "splits its string",
	"internal.template_string":         "string interpolation ($\"…\") of its operands",
	"glob.match":                       "matches its string against its pattern",
	"glob.quote_meta":                  "escapes its string",
	"re_match":                         "RE2 match of its string: linear time, no backtracking",
	"regex.match":                      "RE2 match of its string: linear time, no backtracking",
	"regex.is_valid":                   "tests its pattern",
	"regex.find_n":                     "RE2 matches in its string: no more than it holds",
	"regex.find_all_string_submatch_n": "RE2 matches in its string: no more than it holds",
	"regex.replace":                    "RE2 replacement in its string",
	"regex.split":                      "RE2 split of its string",
	"regex.globs_match":                "compares its two patterns",
	"regex.template_match":             "matches its string against its template",
	"semver.compare":                   "compares its version strings",
	"semver.is_valid":                  "tests its version string",
	"units.parse":                      "parses its string",
	"units.parse_bytes":                "parses its string",

	// Encodings and parsers of their operand.
	"base64.decode":             "decodes its string",
	"base64.encode":             "encodes its string",
	"base64.is_valid":           "tests its string",
	"base64url.decode":          "decodes its string",
	"base64url.encode":          "encodes its string",
	"base64url.encode_no_pad":   "encodes its string",
	"hex.decode":                "decodes its string",
	"hex.encode":                "encodes its string",
	"urlquery.decode":           "decodes its string",
	"urlquery.decode_object":    "decodes its string",
	"urlquery.encode":           "encodes its string",
	"urlquery.encode_object":    "encodes its object",
	"uri.is_valid":              "tests its string",
	"uri.parse":                 "parses its string",
	"json.is_valid":             "tests its string",
	"json.marshal":              "encodes its operand",
	"json.marshal_with_options": "encodes its operand",
	"json.unmarshal":            "decodes its string (encoding/json refuses nesting deeper than 10,000)",
	"yaml.is_valid":             "tests its string",
	"yaml.marshal":              "encodes its operand",
	"yaml.unmarshal":            "decodes its string (go-yaml v3 refuses excessive aliasing)",
	"rego.parse_module":         "parses its string (OPA's parser bounds its recursion)",

	// Cryptography over the operands only: no clock, no key store.
	"crypto.hmac.equal":                     "compares its operands",
	"crypto.hmac.md5":                       "hashes its operands",
	"crypto.hmac.sha1":                      "hashes its operands",
	"crypto.hmac.sha256":                    "hashes its operands",
	"crypto.hmac.sha512":                    "hashes its operands",
	"crypto.md5":                            "hashes its operand",
	"crypto.sha1":                           "hashes its operand",
	"crypto.sha256":                         "hashes its operand",
	"crypto.parse_private_keys":             "parses the PEM or DER it is given",
	"crypto.x509.parse_certificates":        "parses the certificates it is given, without verifying them",
	"crypto.x509.parse_certificate_request": "parses the request it is given",
	"crypto.x509.parse_keypair":             "parses the key pair it is given",
	"crypto.x509.parse_rsa_private_key":     "parses the key it is given",
	"io.jwt.decode":                         "decodes its token, without checking times",
	"io.jwt.verify_eddsa":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_es256":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_es384":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_es512":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_hs256":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_hs384":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_hs512":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_ps256":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_ps384":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_ps512":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_rs256":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_rs384":                   "checks its token's signature with the key it is given; no times checked",
	"io.jwt.verify_rs512":                   "checks its token's signature with the key it is given; no times checked",
	"providers.aws.sign_req":                "signs the request it is given with the credentials and the time (ns) it is given",

	// Time, without zones.
	"time.parse_rfc3339_ns":  "RFC 3339 carries a numeric offset: the instant does not depend on the host's zone",
	"time.parse_duration_ns": "parses its duration string",

	// Compile time, tests, tracing.
	"rego.metadata.chain": "the METADATA of the rule, resolved at compile time",
	"rego.metadata.rule":  "the METADATA of the rule, resolved at compile time",
	"internal.print":      "print(): the engine compiles print statements away; the test runner shows them",
	"print":               "print(): the engine compiles print statements away; the test runner shows them",
	"trace":               "a note for a query tracer; no effect on the result",
	"internal.test_case":  "test cases of the Rego test runner",
}

// refused lists the built-ins a dsrkit policy may not call, each with why.
var refused = map[string]string{
	// The clock.
	"time.now_ns": "reads the clock",
	"crypto.x509.parse_and_verify_certificates":              "verifies the certificates' validity period against the wall clock",
	"crypto.x509.parse_and_verify_certificates_with_options": "verifies against the wall clock unless CurrentTime is given",
	"io.jwt.decode_verify":                                   "checks exp and nbf against the wall clock",

	// The host's time zone ($TZ, $ZONEINFO, /usr/share/zoneinfo).
	"time.add_date": "its zone argument reads $TZ (\"Local\") or the host's zoneinfo (any other name); and it overflows months (31 Jan + 1 month = 3 Mar): use dsrkit.add_months",
	"time.clock":    "its zone argument reads $TZ (\"Local\") or the host's zoneinfo (any other name)",
	"time.date":     "its zone argument reads $TZ (\"Local\") or the host's zoneinfo (any other name)",
	"time.diff":     "its zone argument reads $TZ (\"Local\") or the host's zoneinfo (any other name)",
	"time.format":   "its zone argument reads $TZ (\"Local\") or the host's zoneinfo (any other name)",
	"time.weekday":  "its zone argument reads $TZ (\"Local\") or the host's zoneinfo (any other name)",
	"time.parse_ns": "Go's time.Parse resolves a zone abbreviation (layout \"MST\") against the host's local zone ($TZ)",

	// The host, the network.
	"opa.runtime":               "reads the process's environment and configuration",
	"http.send":                 "calls the network (and can read files for TLS)",
	"net.lookup_ip_addr":        "calls DNS",
	"json.match_schema":         "may fetch the schema's remote references",
	"json.verify_schema":        "may fetch the schema's remote references",
	"net.cidr_expand":           "lists every address of a CIDR: a /8 is 16 million strings",
	"net.cidr_contains":         "pure, but the net.* family is refused: no network facts in a legal decision",
	"net.cidr_contains_matches": "pure, but the net.* family is refused: no network facts in a legal decision",
	"net.cidr_intersects":       "pure, but the net.* family is refused: no network facts in a legal decision",
	"net.cidr_is_valid":         "pure, but the net.* family is refused: no network facts in a legal decision",
	"net.cidr_merge":            "pure, but the net.* family is refused: no network facts in a legal decision",
	"net.cidr_overlap":          "pure, but the net.* family is refused: no network facts in a legal decision",

	// Chance.
	"rand.intn":              "random",
	"uuid.rfc4122":           "random",
	"uuid.parse":             "pure, but the uuid.* family is refused with uuid.rfc4122",
	"io.jwt.encode_sign":     "signatures with random nonces (ECDSA, PSS)",
	"io.jwt.encode_sign_raw": "signatures with random nonces (ECDSA, PSS)",

	// Unbounded work or allocation from a small argument.
	"numbers.range":            "allocates a list as long as its arguments say: numbers.range(1, 1e8) exhausts memory",
	"numbers.range_step":       "allocates a list as long as its arguments say",
	"bits.lsh":                 "allocates 2^n bits for a shift by n",
	"strings.render_template":  "Go text/template: {{range N}} repeats its body N times, an output unbounded by the template's length",
	"graph.reachable_paths":    "lists every path of its graph: exponentially many in the graph's size",
	"graphql.is_valid":         "gqlparser parses with unbounded recursion and no token limit: deep nesting can exhaust the stack",
	"graphql.parse":            "gqlparser parses with unbounded recursion and no token limit: deep nesting can exhaust the stack",
	"graphql.parse_and_verify": "gqlparser parses with unbounded recursion and no token limit: deep nesting can exhaust the stack",
	"graphql.parse_query":      "gqlparser parses with unbounded recursion and no token limit: deep nesting can exhaust the stack",
	"graphql.parse_schema":     "gqlparser parses with unbounded recursion and no token limit: deep nesting can exhaust the stack",
	"graphql.schema_is_valid":  "gqlparser parses with unbounded recursion and no token limit: deep nesting can exhaust the stack",
}

// Allowed reports whether a policy may call the OPA built-in b: it is on
// dsrkit's allow list (allowed) and OPA does not mark it non-deterministic.
// A built-in this package has not judged is not allowed.
func Allowed(b *ast.Builtin) bool {
	_, ok := allowed[b.Name]
	return ok && !b.Nondeterministic
}

// Refusal returns why a policy may not call the OPA built-in named name:
// the reason it is refused, or a note that it has not been judged; "" for
// an allowed built-in.
func Refusal(name string) string {
	if r, ok := refused[name]; ok {
		return r
	}
	if _, ok := allowed[name]; ok {
		return ""
	}
	return "not (yet) judged pure by dsrkit (internal/builtins/capabilities.go)"
}

// Capabilities returns the sandbox dsrkit policies are compiled with: this
// OPA version's built-ins that are allowed, plus dsrkit's own.
// policy/rego/capabilities.json is this value, written out.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(caps.Builtins, func(b *ast.Builtin) bool { return !Allowed(b) })
	for _, b := range all {
		caps.Builtins = append(caps.Builtins, b.Decl)
	}
	slices.SortFunc(caps.Builtins, func(a, b *ast.Builtin) int { return strings.Compare(a.Name, b.Name) })
	caps.AllowNet = []string{}
	return caps
}
