package io.connwatch.runner.plugins;

import io.connwatch.api.CollectorProvider;
import io.connwatch.api.SinkProvider;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a real plugin jar in a test, as a third party would: Java sources compiled against connwatch-api only
 * (javax.tools), a {@code META-INF/services} file, a manifest with {@code Implementation-Version}.
 */
public final class PluginJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> collectorProviders = new ArrayList<>();
    private final List<String> sinkProviders = new ArrayList<>();
    private String version;

    /**
     * Adds a class.
     *
     * @param className its binary name, such as {@code com.example.a.TwinProvider}
     * @param source    its source
     */
    public PluginJarBuilder source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Adds a class and lists it in {@code META-INF/services/io.connwatch.api.CollectorProvider}. */
    public PluginJarBuilder collectorProvider(String className, String source) {
        collectorProviders.add(className);
        return source(className, source);
    }

    /** Adds a class and lists it in {@code META-INF/services/io.connwatch.api.SinkProvider}. */
    public PluginJarBuilder sinkProvider(String className, String source) {
        sinkProviders.add(className);
        return source(className, source);
    }

    /** The manifest's {@code Implementation-Version}. */
    public PluginJarBuilder version(String implementationVersion) {
        this.version = implementationVersion;
        return this;
    }

    /**
     * Compiles the sources and writes the jar.
     *
     * @param jar where to write it
     * @return {@code jar}
     */
    public Path writeTo(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-build");
        try {
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                    "-cp", apiLocation().toString()));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            if (javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) != 0) {
                throw new AssertionError("the test plugin does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (version != null) {
                manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                services(out, CollectorProvider.class, collectorProviders);
                services(out, SinkProvider.class, sinkProviders);
                addTree(out, classes);
            }
            return jar;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Puts every file under {@code root} into a jar, with {@code version} in its manifest: a plugin jar from a
     * classes folder (the sample plugin, when the reactor compiled but did not package it).
     */
    public static Path jarFolder(Path root, String version, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            addTree(out, root);
        }
        return jar;
    }

    private static void services(JarOutputStream out, Class<?> service, List<String> providers) throws IOException {
        if (!providers.isEmpty()) {
            write(out, "META-INF/services/" + service.getName(),
                    (String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void addTree(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!name.equals("META-INF/MANIFEST.MF")) {
                    write(out, name, Files.readAllBytes(file));
                }
            }
        }
    }

    private static void write(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(bytes);
        out.closeEntry();
    }

    private static Path apiLocation() {
        try {
            return Path.of(CollectorProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
