package io.connwatch.runner.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plugin jars a third party could have written, well or badly, built for the tests by {@link PluginJarBuilder}. */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** A collector {@code type} emitting one metric {@code metric} = 1, in package {@code pkg}. */
    public static Path constantCollector(Path jar, String pkg, String type, String metric) throws IOException {
        return new PluginJarBuilder().version("1.0").collectorProvider(pkg + ".ConstantProvider", """
                package %s;
                import io.connwatch.api.*;
                import java.util.List;
                public final class ConstantProvider implements CollectorProvider {
                    public String type() { return "%s"; }
                    public Collector create(ConfigEntry config, PluginContext context) {
                        return ts -> List.of(Metric.of("%s", 1, Unit.COUNT, ts));
                    }
                }
                """.formatted(pkg, type, metric)).writeTo(jar);
    }

    /** A provider whose constructor throws, as one whose native library is missing would. */
    public static Path constructorThrows(Path jar) throws IOException {
        return new PluginJarBuilder().collectorProvider("com.example.fragile.FragileProvider", """
                package com.example.fragile;
                import io.connwatch.api.*;
                public final class FragileProvider implements CollectorProvider {
                    public FragileProvider() { throw new IllegalStateException("needs libfragile.so"); }
                    public String type() { return "fragile"; }
                    public Collector create(ConfigEntry config, PluginContext context) { return null; }
                }
                """).writeTo(jar);
    }

    /** Collector {@code always-fails}, which throws on every cycle, and sink {@code broken-sink}, which throws. */
    public static Path failingCollectorAndSink(Path jar) throws IOException {
        return new PluginJarBuilder()
                .collectorProvider("com.example.failing.FailingCollectorProvider", """
                        package com.example.failing;
                        import io.connwatch.api.*;
                        public final class FailingCollectorProvider implements CollectorProvider {
                            public String type() { return "always-fails"; }
                            public Collector create(ConfigEntry config, PluginContext context) {
                                return ts -> { throw new java.io.IOException("sensor unplugged"); };
                            }
                        }
                        """)
                .sinkProvider("com.example.failing.BrokenSinkProvider", """
                        package com.example.failing;
                        import io.connwatch.api.*;
                        public final class BrokenSinkProvider implements SinkProvider {
                            public String type() { return "broken-sink"; }
                            public Sink create(ConfigEntry config, PluginContext context) {
                                return metrics -> { throw new IllegalStateException("backend down"); };
                            }
                        }
                        """).writeTo(jar);
    }

    /**
     * Collector {@code isolation}, which bundles its own {@code com.fasterxml.jackson.core.JsonFactory} (the runner
     * has the real one) and reports what its class loader lets it see, as metrics with one dimension:
     * {@code json-factory} (what its JsonFactory says), {@code runner-main-visible}, {@code databind-visible}
     * (0 or 1), {@code services-files} (how many collector services files its loader sees: its own only).
     */
    public static Path isolationProbe(Path jar) throws IOException {
        return new PluginJarBuilder().version("2.0")
                .source("com.fasterxml.jackson.core.JsonFactory", """
                        package com.fasterxml.jackson.core;
                        /** Not Jackson: the plugin's own class of the same name. */
                        public class JsonFactory {
                            public String getFormatName() { return "plugin-own-copy"; }
                        }
                        """)
                .collectorProvider("com.example.probe.IsolationProvider", """
                        package com.example.probe;
                        import io.connwatch.api.*;
                        import java.util.*;
                        public final class IsolationProvider implements CollectorProvider {
                            public String type() { return "isolation"; }
                            public Collector create(ConfigEntry config, PluginContext context) {
                                return ts -> {
                                    ClassLoader own = IsolationProvider.class.getClassLoader();
                                    List<Dimension> dims = List.of(new Dimension("json-factory",
                                            new com.fasterxml.jackson.core.JsonFactory().getFormatName()));
                                    int services = Collections.list(own.getResources(
                                            "META-INF/services/io.connwatch.api.CollectorProvider")).size();
                                    return List.of(
                                            new Metric(null, "runner-main-visible", visible(own, "io.connwatch.runner.Main"), Unit.COUNT, dims, ts),
                                            new Metric(null, "databind-visible", visible(own, "com.fasterxml.jackson.databind.ObjectMapper"), Unit.COUNT, dims, ts),
                                            new Metric(null, "services-files", services, Unit.COUNT, dims, ts));
                                };
                            }
                            private static int visible(ClassLoader loader, String name) {
                                try {
                                    Class.forName(name, false, loader);
                                    return 1;
                                } catch (ClassNotFoundException e) {
                                    return 0;
                                }
                            }
                        }
                        """).writeTo(jar);
    }

    /**
     * Collector {@code type} that bundles version {@code libraryVersion} of a library
     * ({@code com.example.shared.Library}) and emits it as metric {@code type}.
     */
    public static Path bundlingLibrary(Path jar, String type, int libraryVersion) throws IOException {
        String pkg = "com.example." + type.replace("-", "");
        return new PluginJarBuilder()
                .source("com.example.shared.Library", """
                        package com.example.shared;
                        public final class Library {
                            public static int version() { return %d; }
                        }
                        """.formatted(libraryVersion))
                .collectorProvider(pkg + ".LibraryUser", """
                        package %s;
                        import io.connwatch.api.*;
                        import java.util.List;
                        public final class LibraryUser implements CollectorProvider {
                            public String type() { return "%s"; }
                            public Collector create(ConfigEntry config, PluginContext context) {
                                return ts -> List.of(Metric.of("%s", com.example.shared.Library.version(), Unit.COUNT, ts));
                            }
                        }
                        """.formatted(pkg, type, type)).writeTo(jar);
    }

    /** A file named like a jar that is not one. */
    public static Path corrupt(Path jar) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        return Files.writeString(jar, "this is not a zip file\n");
    }

    /**
     * The sample plugin's jar (examples/sample-collector), copied to {@code jar}. The build passes its path; when
     * the reactor compiled it without packaging it, the path is its classes folder, put in a jar here.
     */
    public static Path sample(Path jar) throws IOException {
        String built = System.getProperty("connwatch.sample.plugin");
        if (built == null || built.isEmpty() || built.startsWith("${")) {
            throw new AssertionError("the build did not pass connwatch.sample.plugin (see runner/pom.xml)");
        }
        Path source = Path.of(built);
        Files.createDirectories(jar.toAbsolutePath().getParent());
        if (Files.isDirectory(source)) {
            return PluginJarBuilder.jarFolder(source, System.getProperty("connwatch.version"), jar);
        }
        return Files.copy(source, jar);
    }
}
