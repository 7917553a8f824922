package dsrkit.law_schema_test

import data.dsrkit.law_schema

laws := [l | l := data.dsrkit.laws[_].law]

# The engine checks each law against the schema at load (policy/lawcheck.go);
# here the schema itself is checked to describe every law's top-level keys
# and to require what every generic rule reads.
test_every_law_key_is_described if {
	count(laws) > 0
	every l in laws {
		object.keys(l) - object.keys(law_schema.schema.properties) == set()
	}
}

test_every_law_has_the_required_keys if {
	every l in laws {
		every k in law_schema.schema.required {
			l[k]
		}
	}
}
