package io.connwatch.runner.plugins;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginsFolderTest {

    @Test
    void theDistributionsPluginsFolderIsBesideLib() {
        assertEquals(Path.of("/opt/connwatch-1.0/plugins"),
                PluginsFolder.besideRunner(Path.of("/opt/connwatch-1.0/lib/connwatch-runner-1.0.jar")));
    }

    @Test
    void elsewhereItIsBesideTheJarOrClassesFolder() {
        assertEquals(Path.of("/src/runner/target/plugins"),
                PluginsFolder.besideRunner(Path.of("/src/runner/target/connwatch.jar")));
        assertEquals(Path.of("/src/runner/target/plugins"),
                PluginsFolder.besideRunner(Path.of("/src/runner/target/classes")));
    }

    @Test
    void theCommandLineWinsThenTheConfigurationThenTheDefault() {
        PluginsFolder cli = PluginsFolder.choose(Optional.of(Path.of("cli")), Optional.of(Path.of("/etc/p")), "c.yaml");
        assertEquals(Path.of("cli").toAbsolutePath(), cli.path());
        assertTrue(cli.explicit());
        assertEquals("--plugins", cli.chosenBy());

        PluginsFolder config = PluginsFolder.choose(Optional.empty(), Optional.of(Path.of("/etc/p")), "c.yaml");
        assertEquals(Path.of("/etc/p"), config.path());
        assertTrue(config.explicit());
        assertEquals("plugins: in c.yaml", config.chosenBy());

        PluginsFolder standard = PluginsFolder.choose(Optional.empty(), Optional.empty(), "c.yaml");
        assertFalse(standard.explicit());
        // This test runs from runner/target/test-classes's sibling classes folder: runner/target/plugins.
        assertEquals("plugins", standard.path().getFileName().toString());
        assertEquals("target", standard.path().getParent().getFileName().toString());
    }
}
