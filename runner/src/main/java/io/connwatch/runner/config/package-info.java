/**
 * The runner's configuration loader: reads the YAML file (or the embedded default), checks every key, resolves
 * the {@code ${host}}, {@code ${env:NAME}} and {@code ${ec2:KEY}} placeholders, and produces the resolved plan,
 * {@link io.connwatch.runner.config.ConnwatchConfig}. Every error is a {@link io.connwatch.api.ConfigException}
 * that names the file, line, column and key path.
 *
 * <p>Internal to the runner, not public API: plugins see their configuration only through
 * {@link io.connwatch.api.ConfigEntry}.
 */
package io.connwatch.runner.config;
