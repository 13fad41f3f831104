package io.connwatch.runner.plugins;

/**
 * Something wrong with a plugin that discovery found and survived: a refused folder or jar, a file that is not a
 * jar, a provider that failed to load, or two providers with one type name.
 *
 * @param kind    the kind of plugin concerned, or {@code null} for a problem of a whole jar or folder
 * @param type    the type name concerned, or {@code null} when the provider never loaded far enough to say
 * @param message what is wrong, naming the jar or jars
 */
public record PluginProblem(PluginKind kind, String type, String message) {
}
