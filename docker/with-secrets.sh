#!/bin/sh
# Entry point wrapper of the stack's images: reads ES_API_KEY from the file named by
# ES_API_KEY_FILE (the setup service writes it to a volume only that service mounts), so the key
# never sits in the compose file or on a command line, then runs the given command.
set -eu
if [ -n "${ES_API_KEY_FILE:-}" ]; then
    ES_API_KEY="$(cat "$ES_API_KEY_FILE")" || {
        echo "with-secrets: cannot read $ES_API_KEY_FILE (did the setup service finish?)" >&2
        exit 1
    }
    export ES_API_KEY
fi
exec "$@"
