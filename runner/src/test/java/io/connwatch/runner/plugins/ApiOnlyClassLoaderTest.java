package io.connwatch.runner.plugins;

import io.connwatch.api.CollectorProvider;
import io.connwatch.api.Metric;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiOnlyClassLoaderTest {

    private final ApiOnlyClassLoader loader = ApiOnlyClassLoader.ofRunner();

    @Test
    void theApiIsTheRunnersOwnSoPluginProvidersAreProviders() throws ClassNotFoundException {
        assertSame(CollectorProvider.class, loader.loadClass(CollectorProvider.class.getName()));
        assertSame(Metric.class, loader.loadClass(Metric.class.getName()));
    }

    @Test
    void theJdkIsThere() throws ClassNotFoundException {
        assertSame(String.class, loader.loadClass("java.lang.String"));
        assertSame(java.net.http.HttpClient.class, loader.loadClass("java.net.http.HttpClient"));
    }

    @Test
    void theRunnersInternalsAndLibrariesAreNot() {
        // All three are on this test's class path, so the runner's own loader has them.
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.connwatch.runner.Main"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.fasterxml.jackson.core.JsonFactory"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.slf4j.LoggerFactory"));
        // A package whose name only starts like the api's is not the api.
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.connwatch.apiextra.Thing"));
    }

    @Test
    void theRunnersServiceFilesStayHidden() throws IOException {
        String services = "META-INF/services/" + CollectorProvider.class.getName();
        assertNotNull(getClass().getClassLoader().getResource(services), "the built-ins' file is on the class path");
        assertNull(loader.getResource(services));
        assertEquals(0, Collections.list(loader.getResources(services)).size());
        assertNull(loader.getResource("simplelogger.properties"));
        assertNotNull(loader.getResource("io/connwatch/api/Metric.class"));
    }
}
