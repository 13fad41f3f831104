package io.connwatch.runner.config;

import static io.connwatch.runner.config.ConfigFixture.assertError;
import static io.connwatch.runner.config.ConfigFixture.failure;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connwatch.api.ConfigException;
import org.junit.jupiter.api.Test;

class YamlSyntaxTest {

    @Test
    void unclosedFlowListIsASyntaxErrorAtTheProblem() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80, 443
                  - name: db
                """);
        // Inside [ ] the next line continues the list, so the parser trips over the ':' of "name:".
        assertError(e, "4:9", null, "YAML syntax error: while parsing a flow sequence (line 3, column 12): "
                + "expected ',' or ']', but got :");
        assertTrue(e.getMessage().startsWith("test.yaml:4:9: YAML syntax error"), e.getMessage());
    }

    @Test
    void badIndentationIsASyntaxError() {
        ConfigException e = failure("""
                interval: 10s
                  services: []
                """);
        assertError(e, "2:11", null, "YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    ports: [443]
                """);
        assertError(e, "4:5", "services[0].ports", "duplicate key 'ports' (first at line 3)");
    }

    @Test
    void duplicateTopLevelKeyIsAnError() {
        ConfigException e = failure("""
                interval: 10s
                services: [{name: web, ports: [80]}]
                interval: 20s
                """);
        assertError(e, "3:1", "interval", "duplicate key 'interval' (first at line 1)");
    }

    @Test
    void aliasIsRejected() {
        ConfigException e = failure("""
                services:
                  - name: &n web
                    ports: [80]
                  - name: *n
                    ports: [81]
                """);
        assertError(e, "4:11", "services[1].name", "YAML aliases (*n) are not supported; write the value out");
    }

    @Test
    void emptyFileIsAnError() {
        assertError(failure(""), "1:1", null, "the file is empty; it needs at least a 'services' list");
        assertError(failure("# only a comment\n"), "1:1", null, "the file is empty; it needs at least a 'services' list");
    }

    @Test
    void rootMustBeAMap() {
        ConfigException e = failure("""
                - name: web
                  ports: [80]
                """);
        assertError(e, "1:1", null, "the file must be a map of keys (interval, dimensions, services, ...), not a list");
    }

    @Test
    void secondDocumentIsAnError() {
        ConfigException e = failure("""
                services: [{name: web, ports: [80]}]
                ---
                services: [{name: db, ports: [3306]}]
                """);
        assertError(e, "3:1", null, "a second YAML document ('---') starts here; the file must hold one");
    }
}
