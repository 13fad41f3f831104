# Sourced by the connwatch launchers: picks the JVM flags for the command and runs it.
#
# Short-lived commands (run --once from cron, validate, plugins, bench, --help) start fast:
#   -XX:TieredStopAtLevel=1   C1 only: a one-shot run never lives long enough to repay C2's compile time
#   -XX:+UseSerialGC          no GC threads to start for a heap that never fills
#   -XX:SharedArchiveFile     an application class-data-sharing archive of the classes a run loads (the AWS SDK's
#                             above all), written by the first run (-XX:ArchiveClassesAtExit) into
#                             $CONNWATCH_CDS_DIR and mapped by every later run
# The daemon (run without --once) lives for months and stays small:
#   -XX:+UseSerialGC          one GC thread, no per-thread allocation buffers to spare
#   -XX:TieredStopAtLevel=1   C1 only: a cycle is a few ms of work every few seconds; C2's compiler threads and
#                             their memory cost more than they save (about 13 MiB of resident memory measured)
#   -Xms8m -Xmx48m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
#                             the heap grows only as far as it is used (the JVM's default initial heap would
#                             commit all of -Xmx at start) and gives back what it stops using
#   -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m   bounds, not targets
#   MALLOC_ARENA_MAX=2        glibc's per-thread malloc arenas are 64 MiB reservations each; two are plenty
# Every launch: -Xlog:disable -Xlog:all=error:stderr keeps the JVM's own messages off standard output, and
# --enable-native-access=ALL-UNNAMED lets JNA call native code without a warning from Java 24 on.
# CONNWATCH_JAVA_OPTS adds flags; JAVA_HOME picks the JVM.
#
# Measured figures for each flag are in the README, section "Performance".

connwatch_java() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        echo "$JAVA_HOME/bin/java"
    else
        echo java
    fi
}

connwatch_is_daemon() {
    [ "${1:-}" = run ] || return 1
    for a in "$@"; do
        [ "$a" = --once ] && return 1
    done
    return 0
}

# connwatch_classpath JAR...: the jars joined with ':' in the order given (the order must be stable from run to
# run, or the class-data-sharing archive would not map).
connwatch_classpath() {
    cw_cp=""
    for cw_j in "$@"; do
        [ -f "$cw_j" ] && cw_cp="${cw_cp:+$cw_cp:}$cw_j"
    done
    echo "$cw_cp"
}

# connwatch_exec CLASSPATH ARGS...: runs connwatch's main class with the flags its command wants.
connwatch_exec() {
    cw_cp=$1
    shift
    cw_java=$(connwatch_java)
    # JNA (the netlink reader) calls native code: from Java 24 on the JVM warns about that on every start unless
    # allowed; Java 17 accepts the option too.
    cw_log="-Xlog:disable -Xlog:all=error:stderr --enable-native-access=ALL-UNNAMED"
    if connwatch_is_daemon "$@"; then
        MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
        export MALLOC_ARENA_MAX
        # shellcheck disable=SC2086
        exec "$cw_java" $cw_log -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms8m -Xmx48m -XX:MinHeapFreeRatio=10 \
            -XX:MaxHeapFreeRatio=30 -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m \
            ${CONNWATCH_JAVA_OPTS:-} -cp "$cw_cp" io.connwatch.runner.Main "$@"
    fi
    cw_flags="$cw_log -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
    cw_archive=""
    if [ -n "${CONNWATCH_CDS_DIR:-}" ] && [ "${CONNWATCH_CDS:-on}" != off ]; then
        # One archive per JVM binary, class path and command line: a new JVM or jar makes an archive useless, and
        # an archive holds only the classes of the run that wrote it (a cron line's run --once --config F loads the
        # AWS SDK, validate does not), so each command line gets its own.
        cw_java_path=$(command -v "$cw_java" 2>/dev/null || echo "$cw_java")
        cw_key=$( (ls -lL "$cw_java_path"; echo "$cw_cp" | tr ':' '\n' | xargs ls -lL; printf '%s\n' "$@") \
            2>/dev/null | cksum | cut -d' ' -f1)
        cw_archive="$CONNWATCH_CDS_DIR/connwatch-$cw_key.jsa"
    fi
    if [ -n "$cw_archive" ] && [ -f "$cw_archive" ]; then
        # shellcheck disable=SC2086
        exec "$cw_java" $cw_flags -XX:SharedArchiveFile="$cw_archive" ${CONNWATCH_JAVA_OPTS:-} -cp "$cw_cp" io.connwatch.runner.Main "$@"
    fi
    case "${1:-}" in
        --help | -h | --version | -V | help) cw_archive="" ;;
    esac
    if [ -n "$cw_archive" ] && mkdir -p "$CONNWATCH_CDS_DIR" 2>/dev/null && [ -w "$CONNWATCH_CDS_DIR" ]; then
        # First run: write the archive under a private name and move it into place only when whole, so that a
        # concurrent run never maps half a file.
        cw_tmp="$cw_archive.$$.tmp"
        cw_status=0
        # shellcheck disable=SC2086
        "$cw_java" $cw_flags -XX:ArchiveClassesAtExit="$cw_tmp" ${CONNWATCH_JAVA_OPTS:-} -cp "$cw_cp" io.connwatch.runner.Main "$@" \
            || cw_status=$?
        # Only a run that did its whole job loaded the classes later runs need.
        if [ "$cw_status" -eq 0 ] && [ -s "$cw_tmp" ]; then
            mv -f "$cw_tmp" "$cw_archive" 2>/dev/null || rm -f "$cw_tmp"
        else
            rm -f "$cw_tmp"
        fi
        exit "$cw_status"
    fi
    # shellcheck disable=SC2086
    exec "$cw_java" $cw_flags ${CONNWATCH_JAVA_OPTS:-} -cp "$cw_cp" io.connwatch.runner.Main "$@"
}
