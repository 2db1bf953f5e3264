#!/usr/bin/env sh
# record.sh: re-measures the quality guard's fixtures with the bundled model and rewrites the figures
# that BundledModelQualityIT checks (colorize-cli/src/test/resources/quality/recorded.properties).
#
# Run it from anywhere after the bundled model changed (re-training, a new export), review the diff of
# the figures, and commit it together with the model: the guard refuses a model whose SHA-256 differs
# from the recorded one, so stale figures cannot pass silently.
#
#   tools/quality/record.sh            # build what is needed, measure, rewrite the file
#   tools/quality/record.sh --no-build # reuse colorize-cli/target as it is
#
# JAVA_HOME selects the Java runtime (17+). Takes well under a minute on a laptop CPU.
set -eu

root="$(cd "$(dirname "$0")/../.." && pwd)"
cli="$root/colorize-cli"
fixtures="$cli/src/test/resources/quality/cc0-clothing"
figures="$cli/src/test/resources/quality/recorded.properties"

if [ "${1:-}" != "--no-build" ]; then
  # package compiles the test classes too (-DskipTests only skips running them); no install.
  (cd "$root" && ./mvnw -B -q -pl colorize-cli -am package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true)
fi

for f in "$cli/target/colorize-cli.jar" "$cli/target/test-classes/io/github/colorize/cli/quality/QualityRecorder.class"; do
  if [ ! -f "$f" ]; then
    echo "record.sh: $f is missing; run without --no-build" >&2
    exit 2
  fi
done

if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
else
  java="java"
fi

exec "$java" -Djava.awt.headless=true \
  -cp "$cli/target/test-classes:$cli/target/colorize-cli.jar:$cli/target/lib/*" \
  io.github.colorize.cli.quality.QualityRecorder "$fixtures" "$figures"
