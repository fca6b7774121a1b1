# METADATA
# description: |
#   The bundle's parameters: data.erguard.config, that is the documented defaults of
#   policies/data.yaml deep-merged with the `policy:` section of erguard.yaml. Rules read them
#   here so that a missing section falls back to an empty object rather than making every rule
#   undefined.
package erguard.lib.config

default settings := {}

settings := data.erguard.config

# A setting by path (a list of keys), or `fallback` when it is not set.
get(path, fallback) := object.get(settings, path, fallback)
