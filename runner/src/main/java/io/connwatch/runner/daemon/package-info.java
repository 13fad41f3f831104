/**
 * {@code connwatch run} without {@code --once}: the long-lived daemon. It samples on a fixed rate, folds the samples
 * of each publish window into statistic sets, keeps what a sink could not deliver in a bounded per-sink outbox for
 * the next sends, and on SIGTERM or SIGINT sends what it holds before it exits. Internal: not public API.
 */
package io.connwatch.runner.daemon;
