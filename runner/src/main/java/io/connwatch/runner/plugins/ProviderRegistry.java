package io.connwatch.runner.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers discovery found, by kind and type name, and the problems it met on the way.
 *
 * <p>A type name that two providers claim is not in the registry: which one would win is never decided silently,
 * so looking it up gives the problem that names both.
 */
public final class ProviderRegistry {

    private final Map<PluginKind, Map<String, DiscoveredProvider>> byType = new LinkedHashMap<>();
    private final Map<PluginKind, Map<String, PluginProblem>> ambiguous = new LinkedHashMap<>();
    private final List<DiscoveredProvider> all = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private PluginsFolder folder;

    ProviderRegistry() {
        for (PluginKind kind : PluginKind.values()) {
            byType.put(kind, new LinkedHashMap<>());
            ambiguous.put(kind, new LinkedHashMap<>());
        }
    }

    void add(DiscoveredProvider provider) {
        all.add(provider);
        Map<String, DiscoveredProvider> types = byType.get(provider.kind());
        PluginProblem clash = ambiguous.get(provider.kind()).get(provider.type());
        if (clash != null) {
            PluginProblem wider = new PluginProblem(provider.kind(), provider.type(),
                    clash.message() + " and " + provider.origin().describe());
            ambiguous.get(provider.kind()).put(provider.type(), wider);
            problems.set(problems.indexOf(clash), wider);
            return;
        }
        DiscoveredProvider earlier = types.remove(provider.type());
        if (earlier != null) {
            PluginProblem problem = new PluginProblem(provider.kind(), provider.type(),
                    "two " + provider.kind().word() + " providers have the type name '" + provider.type() + "': "
                            + earlier.provider().getClass().getName() + " from " + earlier.origin().describe()
                            + " and " + provider.provider().getClass().getName() + " from "
                            + provider.origin().describe());
            ambiguous.get(provider.kind()).put(provider.type(), problem);
            problems.add(problem);
            return;
        }
        types.put(provider.type(), provider);
    }

    void problem(PluginProblem problem) {
        problems.add(problem);
    }

    void folder(PluginsFolder scanned) {
        this.folder = scanned;
    }

    /** The plugins folder that was scanned, if one was. */
    public Optional<PluginsFolder> folder() {
        return Optional.ofNullable(folder);
    }

    /** The provider of {@code kind} named {@code type}, unless none or several claim it. */
    public Optional<DiscoveredProvider> find(PluginKind kind, String type) {
        return Optional.ofNullable(byType.get(kind).get(type));
    }

    /** The problem that made {@code type} ambiguous, if two providers claim it. */
    public Optional<PluginProblem> ambiguity(PluginKind kind, String type) {
        return Optional.ofNullable(ambiguous.get(kind).get(type));
    }

    /** The type names of {@code kind} that can be used, in discovery order. */
    public Set<String> types(PluginKind kind) {
        return Collections.unmodifiableSet(byType.get(kind).keySet());
    }

    /** Every provider found, usable or not, in discovery order. */
    public List<DiscoveredProvider> all() {
        return Collections.unmodifiableList(all);
    }

    /** What went wrong during discovery. */
    public List<PluginProblem> problems() {
        return Collections.unmodifiableList(problems);
    }
}
