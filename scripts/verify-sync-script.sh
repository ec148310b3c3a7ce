#!/usr/bin/env bash
# Proves the change blocks sound on a throwaway embedded PostgreSQL (no Docker, no DATABASE_URL):
# a thin wrapper for teams that expect a script. Arguments pass through, e.g. --postgres-version 15.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./jbang sync-production-schema.java verify "$@"
