/** The commands: run, validate, plugins, bench. Internal: not public API. */
package io.connwatch.runner.command;
