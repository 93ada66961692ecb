package io.tokenledger.web.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java source split into its code without comments and its string literals (text blocks included, escapes left as
 * written; literals joined only by {@code +} taken as one), enough to find SQL in it; not a Java parser.
 */
record JavaText(String code, List<String> literals) {

    static JavaText of(String source) {
        StringBuilder code = new StringBuilder(source.length());
        List<String> literals = new ArrayList<>();
        int afterLiteral = -1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = lineEnd(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                add(literals, source.substring(i + 3, end), joined(code, afterLiteral));
                code.append("\"\"");
                afterLiteral = code.length();
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    add(literals, source.substring(i + 1, Math.min(end, n)), joined(code, afterLiteral));
                }
                code.append(c).append(c);
                afterLiteral = c == '"' ? code.length() : -1;
                i = Math.min(n, end + 1);
            } else {
                code.append(c);
                i++;
            }
        }
        return new JavaText(code.toString(), List.copyOf(literals));
    }

    /** Whether only a {@code +} (and white space) stands between the last literal and here. */
    private static boolean joined(StringBuilder code, int afterLiteral) {
        return afterLiteral >= 0 && code.substring(afterLiteral).strip().equals("+");
    }

    private static void add(List<String> literals, String literal, boolean joined) {
        if (joined) {
            literals.set(literals.size() - 1, literals.getLast() + literal);
        } else {
            literals.add(literal);
        }
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }
}
