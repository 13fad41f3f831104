package io.connwatch.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.connwatch.api.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a tree of located nodes with Jackson's streaming parser, so that every later error can
 * name a line and column. Rejects what the configuration never needs and a reader would get wrong: duplicate keys,
 * aliases, more than one document.
 */
final class YamlTreeReader {

    // `key:` with nothing after it is null, as YAML says, not the empty string.
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private final String source;
    private YAMLParser parser;

    private YamlTreeReader(String source) {
        this.source = source;
    }

    /**
     * Parses one YAML document whose root is a map.
     *
     * @param source the name error messages use for the text, such as its file path
     * @param reader the text; not closed
     * @return the root map
     * @throws ConfigException for a syntax error, a duplicate key, an alias, an empty text or a root that is not a map
     */
    static YamlMap read(String source, Reader reader) {
        return new YamlTreeReader(source).readDocument(reader);
    }

    private YamlMap readDocument(Reader reader) {
        try (YAMLParser p = FACTORY.createParser(reader)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ConfigException(new Location(source, 1, 1).toString(), null,
                        "the file is empty; it needs at least a 'services' list");
            }
            YamlNode root = readValue(first, "");
            if (!(root instanceof YamlMap map)) {
                throw root.error(null, "the file must be a map of keys (interval, dimensions, services, ...), not "
                        + root.kind());
            }
            if (p.nextToken() != null) {
                throw new ConfigException(here().toString(), null,
                        "a second YAML document ('---') starts here; the file must hold one");
            }
            return map;
        } catch (JsonProcessingException e) {
            ConfigException error = syntaxError(e);
            error.initCause(e);
            throw error;
        } catch (IOException e) {
            ConfigException error = new ConfigException(source, null, "cannot read: " + e);
            error.initCause(e);
            throw error;
        }
    }

    private YamlNode readValue(JsonToken token, String path) throws IOException {
        Location at = here();
        switch (token) {
            case START_OBJECT:
                return readMap(at, path);
            case START_ARRAY:
                return readList(at, path);
            case VALUE_NULL:
                return new YamlScalar(null, at);
            default:
                if (parser.isCurrentAlias()) {
                    // Jackson reports an alias as the anchor's name, which would silently become the value.
                    throw new ConfigException(at.toString(), path, "YAML aliases (*" + parser.getText()
                            + ") are not supported; write the value out");
                }
                return new YamlScalar(parser.getText(), at);
        }
    }

    private YamlMap readMap(Location at, String path) throws IOException {
        List<YamlMap.Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            // The parser only hands out FIELD_NAME here; anything else is a syntax error it throws itself.
            String key = parser.currentName();
            Location keyAt = here();
            String keyPath = KeyPath.key(path, key);
            Location first = seen.putIfAbsent(key, keyAt);
            if (first != null) {
                throw new ConfigException(keyAt.toString(), keyPath,
                        "duplicate key '" + key + "' (first at line " + first.line() + ")");
            }
            entries.add(new YamlMap.Entry(key, keyAt, readValue(parser.nextToken(), keyPath)));
        }
        return new YamlMap(entries, at);
    }

    private YamlList readList(Location at, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(readValue(t, KeyPath.index(path, items.size())));
        }
        return new YamlList(items, at);
    }

    private Location here() {
        JsonLocation l = parser.currentTokenLocation();
        return new Location(source, l.getLineNr(), l.getColumnNr());
    }

    @SuppressWarnings("deprecation") // Jackson 2's only access to the YAML problem's own position
    private ConfigException syntaxError(JsonProcessingException e) {
        if (e instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Location at = new Location(source, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            String context = m.getContext() == null ? "" : m.getContext() + (m.getContextMark() == null ? ""
                    : " (line " + (m.getContextMark().getLine() + 1) + ", column "
                    + (m.getContextMark().getColumn() + 1) + ")") + ": ";
            return new ConfigException(at.toString(), null, "YAML syntax error: " + context + m.getProblem());
        }
        JsonLocation l = e.getLocation();
        String where = l == null ? source : new Location(source, l.getLineNr(), l.getColumnNr()).toString();
        return new ConfigException(where, null, "YAML syntax error: " + e.getOriginalMessage());
    }
}
