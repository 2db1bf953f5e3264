#!/usr/bin/env bash
# Builds what the whole-run benchmark needs and runs it; arguments go to WholeRunBenchmark
# (for example --runs 7 --render-factor auto --format jpg --heap-megapixels 24).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl colorize-benchmarks -am package dependency:build-classpath \
    -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
mkdir -p colorize-benchmarks/target/tmp
exec java -Djava.io.tmpdir=colorize-benchmarks/target/tmp ${JAVA_OPTS:-} \
    -cp "colorize-benchmarks/target/classes:$(cat colorize-benchmarks/target/classpath.txt)" \
    io.github.colorize.benchmarks.wholerun.WholeRunBenchmark "$@"
