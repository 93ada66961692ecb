# Sourced by bin/run, bin/test and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME, the java on the PATH, then the JDKs under /usr/lib/jvm and /opt (newest first).

java_feature_version() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java_home() {
    local candidates=() seen="" candidate version
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for candidate in $(ls -d /usr/lib/jvm/*/ /opt/*jdk*/ /opt/java/*/ 2>/dev/null | sort -rV); do
        candidates+=("${candidate%/}")
    done
    for candidate in "${candidates[@]}"; do
        [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        version=$(java_feature_version "$candidate")
        seen="$seen\n  $candidate (Java ${version:-?})"
        if [ -n "$version" ] && [ "$version" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    printf 'TokenLedger needs a JDK 21 or newer, and none was found.\nJDKs seen:%b\n' "${seen:-\n  (none)}" >&2
    printf 'Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it.\n' >&2
    return 1
}

find_java_home || exit 1
