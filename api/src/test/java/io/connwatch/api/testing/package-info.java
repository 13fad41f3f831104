/**
 * Test fixtures shared by the plugin modules' tests, published in the api module's test jar. Internal: not part of
 * the plugin API and not shipped.
 */
package io.connwatch.api.testing;
