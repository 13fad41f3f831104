/** The command line: argument parsing, help and version text. Internal: not public API. */
package io.connwatch.runner.cli;
