package io.connwatch.runner.config;

import io.connwatch.api.ConfigException;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the {@code services} list: names, ports, states, namespaces, metric-name templates, and that no
 * two metrics end up with one name in one namespace.
 */
final class ServiceReader {

    /** The keys a service accepts. */
    static final List<String> KEYS = List.of("name", "ports", "remote-ports", "states", "namespace", "metric-name");

    private static final List<String> STATE_TOKENS;
    private static final List<String> TEMPLATE_PLACEHOLDERS = List.of("service", "state");
    private static final int MAX_NAMESPACE_LENGTH = 255;

    static {
        List<String> tokens = new ArrayList<>();
        for (TcpState s : TcpState.values()) {
            tokens.add(s.token());
        }
        STATE_TOKENS = List.copyOf(tokens);
    }

    /** The service as read, with the node that names its metrics, for the duplicate-name check. */
    private record ReadService(Service service, String path, YamlNode namingNode, String namingPath) {
    }

    private ServiceReader() {
    }

    /**
     * Reads the {@code services} value of the root map.
     *
     * @param root the file's root map
     * @return the services in file order
     * @throws ConfigException for the first problem found
     */
    static List<Service> read(YamlMap root) {
        YamlList list = root.get("services")
                .orElseThrow(() -> root.error("services", "no services; the file must list at least one under "
                        + "'services', each with a name and ports or remote-ports"))
                .asList("services");
        if (list.items().isEmpty()) {
            throw list.error("services", "services is empty; list at least one service");
        }
        List<ReadService> read = new ArrayList<>();
        Map<String, String> pathByName = new HashMap<>();
        for (YamlNode item : list.items()) {
            String path = KeyPath.index("services", read.size());
            ReadService rs = readOne(item.asMap(path), path);
            String first = pathByName.putIfAbsent(rs.service().name(), path);
            if (first != null) {
                YamlNode nameNode = item.asMap(path).get("name").orElseThrow();
                throw nameNode.error(KeyPath.key(path, "name"),
                        "service name '" + rs.service().name() + "' is already used by " + first);
            }
            read.add(rs);
        }
        rejectDuplicateMetricNames(read);
        List<Service> services = new ArrayList<>(read.size());
        for (ReadService rs : read) {
            services.add(rs.service());
        }
        return services;
    }

    private static ReadService readOne(YamlMap map, String path) {
        map.rejectUnknownKeys(path, KEYS);
        String namePath = KeyPath.key(path, "name");
        YamlNode nameNode = map.get("name").orElseThrow(() -> map.error(namePath, "service has no name"));
        String name = nameNode.asText(namePath).trim();
        if (name.isEmpty()) {
            throw nameNode.error(namePath, "service name is blank");
        }
        List<Integer> ports = ports(map, path, "ports");
        List<Integer> remotePorts = ports(map, path, "remote-ports");
        if (ports.isEmpty() && remotePorts.isEmpty()) {
            throw map.error(path, "service '" + name + "' has neither ports (this host serves them) nor "
                    + "remote-ports (this host is the client); give at least one");
        }
        Set<TcpState> states = states(map, path);
        String namespace = null;
        Optional<YamlNode> nsNode = map.get("namespace");
        if (nsNode.isPresent()) {
            namespace = namespace(nsNode.get(), KeyPath.key(path, "namespace"));
        }
        String template = Service.DEFAULT_METRIC_NAME;
        YamlNode namingNode = nameNode;
        String namingPath = namePath;
        Optional<YamlNode> templateNode = map.get("metric-name");
        if (templateNode.isPresent()) {
            namingNode = templateNode.get();
            namingPath = KeyPath.key(path, "metric-name");
            template = namingNode.asText(namingPath);
            checkTemplate(template, states.size(), namingNode, namingPath);
        }
        Service service = new Service(name, ports, remotePorts, states, namespace, template);
        return new ReadService(service, path, namingNode, namingPath);
    }

    private static List<Integer> ports(YamlMap map, String servicePath, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return List.of();
        }
        String path = KeyPath.key(servicePath, key);
        // A single port may be written without brackets: `ports: 80`.
        List<YamlNode> items = node.get() instanceof YamlScalar ? List.of(node.get()) : node.get().asList(path).items();
        List<Integer> ports = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = node.get() instanceof YamlScalar ? path : KeyPath.index(path, i);
            String text = item.asText(itemPath).trim();
            if (!text.matches("[+-]?[0-9]+")) {
                throw item.error(itemPath, "port '" + text + "' is not a whole number");
            }
            String digits = text.replaceFirst("^\\+", "").replaceFirst("^0+(?=.)", "");
            int port = digits.startsWith("-") || digits.length() > 5 ? 0 : Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                throw item.error(itemPath, "port " + text + " is outside 1-65535");
            }
            if (ports.contains(port)) {
                throw item.error(itemPath, "port " + port + " is listed twice");
            }
            ports.add(port);
        }
        return ports;
    }

    private static Set<TcpState> states(YamlMap map, String servicePath) {
        Optional<YamlNode> node = map.get("states");
        if (node.isEmpty()) {
            return EnumSet.allOf(TcpState.class);
        }
        String path = KeyPath.key(servicePath, "states");
        List<YamlNode> items = node.get() instanceof YamlScalar ? List.of(node.get()) : node.get().asList(path).items();
        if (items.isEmpty()) {
            throw node.get().error(path, "states is empty; list at least one state, or leave the key out to count "
                    + "all eleven");
        }
        Set<TcpState> states = EnumSet.noneOf(TcpState.class);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = node.get() instanceof YamlScalar ? path : KeyPath.index(path, i);
            String text = item.asText(itemPath).trim();
            TcpState state = TcpState.parse(text).orElseThrow(() -> item.error(itemPath,
                    "unknown state '" + text + "'" + NearestWord.didYouMean(text.replaceAll("[-_ ]", ""), STATE_TOKENS)
                            .orElse("; valid states: " + String.join(" ", STATE_TOKENS))));
            if (!states.add(state)) {
                throw item.error(itemPath, "state " + state.token() + " is listed twice");
            }
        }
        return states;
    }

    private static String namespace(YamlNode node, String path) {
        String ns = node.asText(path).trim();
        if (ns.isEmpty()) {
            throw node.error(path, "namespace is blank; leave the key out for the sink's default namespace");
        }
        if (ns.length() > MAX_NAMESPACE_LENGTH) {
            throw node.error(path, "namespace is longer than " + MAX_NAMESPACE_LENGTH + " characters");
        }
        if (ns.startsWith("AWS/")) {
            throw node.error(path, "namespace '" + ns + "' starts with 'AWS/', which CloudWatch reserves for AWS services");
        }
        return ns;
    }

    private static void checkTemplate(String template, int stateCount, YamlNode node, String path) {
        boolean hasState = false;
        int i = 0;
        while ((i = template.indexOf('{', i)) >= 0) {
            int end = template.indexOf('}', i);
            if (end < 0) {
                throw node.error(path, "metric-name '" + template + "' has a '{' without a closing '}'");
            }
            String name = template.substring(i + 1, end);
            if (!TEMPLATE_PLACEHOLDERS.contains(name)) {
                throw node.error(path, "unknown placeholder '{" + name + "}' in metric-name '" + template + "'"
                        + NearestWord.among(name, TEMPLATE_PLACEHOLDERS).map(s -> "; did you mean '{" + s + "}'?")
                        .orElse("; use {service} and {state}"));
            }
            hasState |= name.equals("state");
            i = end + 1;
        }
        if (template.isBlank()) {
            throw node.error(path, "metric-name is blank");
        }
        if (!hasState && stateCount > 1) {
            throw node.error(path, "metric-name '" + template + "' has no {state}, but the service counts "
                    + stateCount + " states: they would all get one metric name");
        }
    }

    /** Two metrics with one name in one namespace would be indistinguishable where they land. */
    private static void rejectDuplicateMetricNames(List<ReadService> services) {
        Map<String, String> producerByName = new HashMap<>();
        for (ReadService rs : services) {
            Service s = rs.service();
            Set<String> names = new LinkedHashSet<>();
            Map<String, String> whatByName = new HashMap<>();
            for (TcpState state : s.states()) {
                String name = s.metricName(state);
                names.add(name);
                whatByName.putIfAbsent(name, "its " + state.token() + " count");
            }
            if (!s.ports().isEmpty()) {
                for (String name : List.of(s.listenQueueMetricName(), s.listenBacklogMetricName())) {
                    if (!names.add(name)) {
                        throw rs.namingNode().error(rs.namingPath(), "metric name '" + name
                                + "' is produced twice by service '" + s.name() + "': by "
                                + whatByName.get(name) + " and by its listen-queue metrics");
                    }
                }
            }
            for (String name : names) {
                String key = (s.namespace() == null ? "" : s.namespace()) + "\n" + name;
                String where = s.namespace() == null ? "the default namespace" : "namespace '" + s.namespace() + "'";
                String first = producerByName.putIfAbsent(key, "service '" + s.name() + "' (" + rs.path() + ")");
                if (first != null) {
                    throw rs.namingNode().error(rs.namingPath(), "metric name '" + name + "' in " + where
                            + " is already produced by " + first + "; give this service another metric-name or "
                            + "namespace");
                }
            }
        }
    }
}
