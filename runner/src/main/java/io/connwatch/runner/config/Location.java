package io.connwatch.runner.config;

/**
 * Where a node of the configuration starts: the source's name and a 1-based line and column.
 *
 * @param source the file path as given, or {@code (embedded default)}
 * @param line   1-based line
 * @param column 1-based column
 */
record Location(String source, int line, int column) {

    /** The location as {@code file:line:column}, the form every error message uses. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
