package io.connwatch.runner.config;

import io.connwatch.api.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Replaces {@code ${host}}, {@code ${env:NAME}} and {@code ${ec2:KEY}} in scalar values, each with an optional
 * default after {@code :-} that may hold placeholders itself: {@code ${ec2:instance-id:-${host}}}.
 *
 * <p>A default is used when the value is missing or empty, as in the shell. Defaults are evaluated only when
 * needed, and the host name and instance metadata are asked for only when a placeholder needs them, so a file
 * without {@code ${ec2:…}} never touches the metadata service. Every placeholder is checked for syntax, even in
 * defaults that end up unused.
 */
final class PlaceholderResolver {

    private enum Kind { HOST, ENV, EC2 }

    private interface Part {
    }

    private record Literal(String text) implements Part {
    }

    /** {@code fallback} is {@code null} when the placeholder has no default. */
    private record Placeholder(String raw, Kind kind, String key, List<Part> fallback) implements Part {
    }

    private final Map<String, String> env;
    private final Supplier<String> hostName;
    private final Supplier<InstanceMetadata> metadata;

    /**
     * @param env      the environment for {@code ${env:NAME}}
     * @param hostName the host name for {@code ${host}}; asked only when needed
     * @param metadata the instance metadata for {@code ${ec2:KEY}}; asked only when needed
     */
    PlaceholderResolver(Map<String, String> env, Supplier<String> hostName, Supplier<InstanceMetadata> metadata) {
        this.env = env;
        this.hostName = hostName;
        this.metadata = metadata;
    }

    /** A copy of {@code root} with every scalar value resolved; keys stay as written. */
    YamlMap resolveAll(YamlMap root) {
        return (YamlMap) resolveNode(root, "");
    }

    private YamlNode resolveNode(YamlNode node, String path) {
        if (node instanceof YamlScalar scalar) {
            if (scalar.text() == null || !scalar.text().contains("${")) {
                return scalar;
            }
            return new YamlScalar(resolve(scalar.text(), scalar.location(), path), scalar.location());
        }
        if (node instanceof YamlList list) {
            List<YamlNode> items = new ArrayList<>(list.items().size());
            for (YamlNode item : list.items()) {
                items.add(resolveNode(item, KeyPath.index(path, items.size())));
            }
            return new YamlList(items, list.location());
        }
        YamlMap map = (YamlMap) node;
        List<YamlMap.Entry> entries = new ArrayList<>(map.entries().size());
        for (YamlMap.Entry e : map.entries()) {
            entries.add(new YamlMap.Entry(e.key(), e.keyLocation(), resolveNode(e.value(), KeyPath.key(path, e.key()))));
        }
        return new YamlMap(entries, map.location());
    }

    /**
     * Resolves the placeholders in {@code text}.
     *
     * @param text the value as written
     * @param at   where the value is, for errors
     * @param path the value's key path, for errors
     * @return the value with every placeholder replaced
     * @throws ConfigException for a malformed or unknown placeholder, or one that cannot be resolved and has no
     *                         default
     */
    String resolve(String text, Location at, String path) {
        int[] pos = {0};
        List<Part> parts = new Parser(text, at, path).parts(pos, false);
        return evaluate(parts, at, path);
    }

    private String evaluate(List<Part> parts, Location at, String path) {
        StringBuilder sb = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                sb.append(literal.text());
            } else {
                sb.append(value((Placeholder) part, at, path));
            }
        }
        return sb.toString();
    }

    private String value(Placeholder p, Location at, String path) {
        Optional<String> found;
        String reason;
        switch (p.kind()) {
            case HOST:
                found = Optional.of(hostName.get());
                reason = "the host name is empty";
                break;
            case ENV:
                found = Optional.ofNullable(env.get(p.key()));
                reason = "environment variable " + p.key() + " is not set";
                break;
            default:
                InstanceMetadata md = metadata.get();
                found = md.lookup(p.key());
                reason = found.isPresent() ? "" : md.unavailableReason(p.key());
                break;
        }
        if (p.fallback() != null) {
            // As the shell's ${X:-default}: a missing or empty value takes the default.
            return found.filter(v -> !v.isEmpty()).orElseGet(() -> evaluate(p.fallback(), at, path));
        }
        if (found.isPresent() && (p.kind() != Kind.HOST || !found.get().isEmpty())) {
            return found.get();
        }
        String example = p.raw().substring(0, p.raw().length() - 1) + ":-" + (p.kind() == Kind.HOST ? "localhost" : "${host}") + "}";
        throw new ConfigException(at.toString(), path,
                "cannot resolve " + p.raw() + ": " + reason + "; give a default such as " + example);
    }

    /** Reads the placeholder syntax of one value. */
    private static final class Parser {
        private final String s;
        private final Location at;
        private final String path;

        Parser(String s, Location at, String path) {
            this.s = s;
            this.at = at;
            this.path = path;
        }

        /** The parts from {@code pos[0]} to the end, or, when {@code nested}, to the '}' that ends a default. */
        List<Part> parts(int[] pos, boolean nested) {
            List<Part> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (pos[0] < s.length()) {
                char c = s.charAt(pos[0]);
                if (nested && c == '}') {
                    break;
                }
                if (c == '$' && s.startsWith("${", pos[0])) {
                    if (literal.length() > 0) {
                        parts.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(placeholder(pos));
                } else {
                    literal.append(c);
                    pos[0]++;
                }
            }
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
            }
            return parts;
        }

        private Placeholder placeholder(int[] pos) {
            int start = pos[0];
            int i = start + 2;
            while (i < s.length() && s.charAt(i) != '}' && !s.startsWith(":-", i)) {
                i++;
            }
            if (i >= s.length()) {
                throw unterminated(start);
            }
            String name = s.substring(start + 2, i);
            List<Part> fallback = null;
            if (s.charAt(i) == '}') {
                pos[0] = i + 1;
            } else {
                pos[0] = i + 2;
                fallback = parts(pos, true);
                if (pos[0] >= s.length()) {
                    throw unterminated(start);
                }
                pos[0]++;
            }
            String raw = s.substring(start, pos[0]);
            int colon = name.indexOf(':');
            String prefix = colon < 0 ? name : name.substring(0, colon);
            String key = colon < 0 ? "" : name.substring(colon + 1);
            if (name.equals("host")) {
                return new Placeholder(raw, Kind.HOST, "", fallback);
            }
            if (colon >= 0 && prefix.equals("env")) {
                if (key.isEmpty()) {
                    throw error("'" + raw + "' names no environment variable; write ${env:NAME}");
                }
                return new Placeholder(raw, Kind.ENV, key, fallback);
            }
            if (colon >= 0 && prefix.equals("ec2")) {
                if (!InstanceMetadata.KEYS.contains(key)) {
                    throw error("unknown ec2 key '" + key + "' in '" + raw + "'"
                            + NearestWord.didYouMean(key, InstanceMetadata.KEYS)
                            .orElse("; valid keys: " + String.join(", ", InstanceMetadata.KEYS)));
                }
                return new Placeholder(raw, Kind.EC2, key, fallback);
            }
            String suggestion = colon < 0
                    ? NearestWord.among(name, List.of("host")).map(h -> "${" + h + "}").orElse(null)
                    : NearestWord.among(prefix, List.of("env", "ec2")).map(p -> "${" + p + ":" + key + "}").orElse(null);
            throw error("unknown placeholder '" + raw + "'" + (suggestion == null
                    ? "; use ${host}, ${env:NAME} or ${ec2:KEY}"
                    : "; did you mean '" + suggestion + "'?"));
        }

        private ConfigException unterminated(int start) {
            return error("unterminated placeholder '" + s.substring(start) + "': no closing '}'");
        }

        private ConfigException error(String problem) {
            return new ConfigException(at.toString(), path, problem);
        }
    }
}
