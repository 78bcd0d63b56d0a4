package com.acme.shop.testsupport.security;

/**
 * Spellings of a path that reach the same handler (or would, on a lax server) but may slip past access rules that
 * match the raw text. Each is applied to the path only; the query is kept.
 *
 * <p>What a service built on the platform answers (docs/security.md): {@link #PATH_PARAMETER} and
 * {@link #ENCODED_LETTER} are normalised by the container before the rules match, so they get the same refusal as the
 * plain path (401/403); {@link #DOUBLE_SLASH} and {@link #DOT_SEGMENT} are refused by the firewall (400
 * {@code REQUEST_REJECTED}).
 */
public enum Bypass {

    /** {@code ;x} after the first segment: {@code /internal;x/v1/quotes}. */
    PATH_PARAMETER(";x") {
        @Override
        String applyToPath(String path) {
            int end = endOfFirstSegment(path);
            return path.substring(0, end) + ";x" + path.substring(end);
        }
    },
    /** The first letter of the first segment percent-encoded: {@code /%69nternal/v1/quotes}. */
    ENCODED_LETTER("%69") {
        @Override
        String applyToPath(String path) {
            return "/%" + String.format("%02X", (int) path.charAt(1)) + path.substring(2);
        }
    },
    /** A doubled slash after the first segment: {@code /internal//v1/quotes}. */
    DOUBLE_SLASH("//") {
        @Override
        String applyToPath(String path) {
            int end = endOfFirstSegment(path);
            return path.substring(0, end) + "/" + path.substring(end);
        }
    },
    /** A detour through a made-up segment: {@code /x/../internal/v1/quotes}. */
    DOT_SEGMENT("..") {
        @Override
        String applyToPath(String path) {
            return "/x/.." + path;
        }
    };

    private final String label;

    Bypass(String label) {
        this.label = label;
    }

    /** Short name as the issue spells it ({@code ;x}, {@code %69}, {@code //}, {@code ..}). */
    public String label() {
        return label;
    }

    /** The target with this spelling applied to its path; the query is kept as it was. */
    public String apply(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.length() < 2 || path.charAt(0) != '/' || path.charAt(1) == '/') {
            throw new IllegalArgumentException("a path with a first segment is needed: " + target);
        }
        return applyToPath(path) + (query < 0 ? "" : target.substring(query));
    }

    abstract String applyToPath(String path);

    private static int endOfFirstSegment(String path) {
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path.length() : slash;
    }
}
