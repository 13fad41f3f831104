/**
 * The plugins a configuration asks for, built and wired: collectors sampled each cycle with their failures kept
 * apart, global dimensions added, and the metrics handed to every sink. Internal: not public API.
 */
package io.connwatch.runner.pipeline;
