/**
 * The built-in {@code stdout} sink: metrics as an aligned table for people, or as one JSON object per line for
 * programs. Internal: not public API; plugin authors compile against {@code connwatch-api} only.
 */
package io.connwatch.sinks.stdout;
