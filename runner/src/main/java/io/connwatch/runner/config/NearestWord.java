package io.connwatch.runner.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid word nearest to a misspelled one, for "did you mean" hints: unknown keys, states, placeholder
 * names, plugin types, choices.
 *
 * <p>Distance is Damerau-Levenshtein (optimal string alignment: insert, delete, substitute, swap two neighbours),
 * ignoring case. A candidate is suggested only when it is at most a third of the word's length away (at least 1,
 * at most 3), so {@code prots} suggests {@code ports} but {@code xyz} suggests nothing.
 */
public final class NearestWord {

    private NearestWord() {
    }

    /**
     * The candidate nearest to {@code word}, if one is near enough; the first in iteration order wins a tie.
     *
     * @param word       the misspelled word
     * @param candidates the valid words
     * @return the suggestion, or empty
     */
    public static Optional<String> among(String word, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The hint to append to an error message: {@code "; did you mean 'ports'?"}, or empty if no candidate is near.
     *
     * @param word       the misspelled word
     * @param candidates the valid words
     * @return the hint, starting with {@code "; "}
     */
    public static Optional<String> didYouMean(String word, Collection<String> candidates) {
        return among(word, candidates).map(s -> "; did you mean '" + s + "'?");
    }

    /**
     * The Damerau-Levenshtein distance (optimal string alignment) between two words, ignoring case.
     *
     * @param a one word
     * @param b the other
     * @return the number of single-character edits and neighbour swaps that turn one into the other
     */
    public static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int n = s.length();
        int m = t.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
