# METADATA
# title: The organisation's procedure settings (defaults)
# description: |
#   Not law: the defaults of the seed deletion procedure (PROC-PRIV-002),
#   which an organisation's playbook overrides (input.playbook). Periods are
#   {n, unit} like the law's.
package dsrkit.playbook

defaults := {
	# Step 2: "Standard request: Match 2+ data points; Sensitive data or high-risk: Match 3+".
	"verification_data_points": {"ordinary": 2, "sensitive": 3},
	# Step 2: "If verification fails, request additional information (provide 15 days to respond)".
	"info_response": {"n": 15, "unit": "days"},
}

# settings are the defaults with the request's playbook laid over them.
settings := object.union(defaults, input.playbook)

settings := defaults if not input.playbook
