#!/usr/bin/env bash
# Runs the project's Jazzer fuzz tests in fuzzing mode, one target after another, each in its own JVM.
#
#   tools/fuzz/run.sh [DURATION] [TARGET...]
#
# DURATION: how long each target fuzzes (Jazzer syntax: 20s, 10m, 4h; default 20s, as in CI).
# TARGET:   test class simple names (default: all of them), e.g. PhotoReaderFuzzTest ServiceAnswerFuzzTest.
#
# The first failing input of a target stops that target and fails the run; Jazzer writes it as
# crash-<sha1> into the target's inputs folder under src/test/resources, where the next regression run
# (plain ./mvnw verify) picks it up. The corpus Jazzer grows lives in <module>/.cifuzz-corpus/ (git-ignored)
# and is reused by the next run of the same target. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${1:-20s}"
shift || true
ALL=(
  colorize-api:JsonFuzzTest
  colorize-api:CardFilesFuzzTest
  colorize-api:XmpReaderFuzzTest
  colorize-api:ProvenanceFuzzTest
  colorize-api:PhotoReaderFuzzTest
  colorize-api:HintsSidecarFuzzTest
  colorize-remote:ServiceAnswerFuzzTest
  colorize-remote:ResultDecoderFuzzTest
)
if [ "$#" -gt 0 ]; then
  WANTED=()
  for t in "$@"; do
    for a in "${ALL[@]}"; do [ "${a#*:}" = "$t" ] && WANTED+=("$a"); done
  done
  [ "${#WANTED[@]}" -eq "${#@}" ] || { echo "fuzz: unknown target among: $*" >&2; exit 2; }
else
  WANTED=("${ALL[@]}")
fi

MODULES=$(printf '%s\n' "${WANTED[@]}" | cut -d: -f1 | sort -u | paste -sd, -)
CLASSES=$(printf '%s\n' "${WANTED[@]}" | cut -d: -f2 | paste -sd, -)

# One Maven run: JAZZER_FUZZ switches @FuzzTest methods from their seeds to fuzzing; Jazzer fuzzes one
# test per JVM, so every test class gets a fresh fork (reuseForks=false). JaCoCo's agent is left out:
# Jazzer instruments the same classes for coverage feedback, and JaCoCo's probes only slow it down.
echo "fuzz: ${CLASSES//,/ } for ${DURATION} each"
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$DURATION" ./mvnw -B -ntp ${MVN_OFFLINE:+-o} -pl "$MODULES" -am test \
  -Dtest="$CLASSES" -Dsurefire.failIfNoSpecifiedTests=false -DreuseForks=false \
  -Djacoco.skip=true -Dspotless.check.skip=true ${FUZZ_MAVEN_ARGS:-}
