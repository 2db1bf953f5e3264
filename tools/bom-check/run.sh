#!/usr/bin/env bash
# Proves that colorize-bom imports cleanly into a throwaway consumer project:
#  1. installs the project's artifacts (no tests) into a private local repository under target/,
#     seeded from the user's repository so that nothing is downloaded twice;
#  2. resolves a consumer that imports the BOM and declares colorize-onnx without a version;
#  3. checks that the BOM manages only io.github.colorize artifacts (no third-party versions leak).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REPO="$ROOT/target/bom-check-repo"
mkdir -p "$REPO"
USER_REPO="${HOME}/.m2/repository"

./mvnw -B -q -ntp install -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
  -Dmaven.repo.local="$USER_REPO" >/dev/null
# The consumer resolves from the user's repository, where the step above installed the snapshot.
./mvnw -B -q -ntp -f tools/bom-check/consumer/pom.xml dependency:resolve -DincludeScope=runtime \
  -Dmaven.repo.local="$USER_REPO" > "$REPO/resolve.log" 2>&1 || { cat "$REPO/resolve.log"; exit 1; }
./mvnw -B -q -ntp -f tools/bom-check/consumer/pom.xml help:effective-pom -Doutput="$REPO/effective-pom.xml" \
  -Dmaven.repo.local="$USER_REPO" >/dev/null

# Every managed dependency in the consumer's effective POM must come from io.github.colorize.
leaks=$(python3 - "$REPO/effective-pom.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(sys.argv[1]).getroot()
dm = root.find("m:dependencyManagement/m:dependencies", ns)
bad = []
for d in ([] if dm is None else dm.findall("m:dependency", ns)):
    g = d.findtext("m:groupId", namespaces=ns)
    if g != "io.github.colorize":
        bad.append(f"{g}:{d.findtext('m:artifactId', namespaces=ns)}")
print("\n".join(bad))
PY
)
if [ -n "$leaks" ]; then
  echo "bom-check: FAILED: colorize-bom leaks third-party versions:"; echo "$leaks"; exit 1
fi
echo "bom-check: colorize-bom imports cleanly; it manages only io.github.colorize artifacts"
