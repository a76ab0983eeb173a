# shellcheck shell=bash
# Finds a JDK 25 or newer for bin/mvn and bin/tasker: $JAVA_HOME if it is one, else the JDK closest to 25
# under /usr/lib/jvm or /opt/java (the project is built and tested on 25; the GraalVM 25 jars expect it),
# else the java on the PATH. Exits with a message naming every place it looked when there is none.

TASKER_MIN_JAVA=25

# The feature version (17, 25, ...) of the JDK in folder $1; empty when $1 holds no JDK.
tasker_java_version() {
  local home=$1 version=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  [[ -r "$home/release" ]] && version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  if [[ -z "$version" ]]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
  echo "$version"
}

tasker_describe_jdk() {
  if [[ -n "$2" ]]; then echo "$1 (JDK $2)"; else echo "$1 (not a JDK)"; fi
}

# Sets and exports JAVA_HOME, or exits 1 explaining what it looked for.
tasker_find_jdk() {
  local looked=() seen=" " candidate version best="" best_version=""
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version=$(tasker_java_version "$JAVA_HOME")
    if [[ -n "$version" && "$version" -ge "$TASKER_MIN_JAVA" ]]; then
      export JAVA_HOME
      return 0
    fi
    looked+=("$(tasker_describe_jdk "JAVA_HOME=$JAVA_HOME" "$version")")
  fi
  local installed=(/usr/lib/jvm/*/ /opt/java/*/)
  if command -v java >/dev/null 2>&1; then
    installed+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${installed[@]}"; do
    [[ -d "$candidate" && "$seen" != *" $(readlink -f "$candidate") "* ]] || continue
    seen+="$(readlink -f "$candidate") "
    candidate=${candidate%/}
    version=$(tasker_java_version "$candidate")
    looked+=("$(tasker_describe_jdk "$candidate" "$version")")
    if [[ -n "$version" && "$version" -ge "$TASKER_MIN_JAVA" && ( -z "$best" || "$version" -lt "$best_version" ) ]]; then
      best=$candidate
      best_version=$version
    fi
  done
  if [[ -n "$best" ]]; then
    export JAVA_HOME=$best
    return 0
  fi
  {
    echo "No JDK $TASKER_MIN_JAVA or newer found. Looked at:"
    if ((${#looked[@]})); then printf '  %s\n' "${looked[@]}"; else echo "  JAVA_HOME (unset), /usr/lib/jvm/*, /opt/java/* (empty), java on the PATH (none)"; fi
    echo "Install a JDK $TASKER_MIN_JAVA (e.g. Temurin into /usr/lib/jvm/temurin-25-jdk-amd64) or point JAVA_HOME at one."
  } >&2
  exit 1
}
