package io.connwatch.runner.config;

/** Builds the key paths error messages show, such as {@code services[1].ports[0]}. */
final class KeyPath {

    private KeyPath() {
    }

    /** The path of {@code key} inside the map at {@code parent}; the root's path is the empty string. */
    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of element {@code index} of the list at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
