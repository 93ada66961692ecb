package io.tokenledger.web.architecture;

/** SQL text without its {@code --} line comments and {@code /* … *}{@code /} block comments. */
final class SqlText {

    private SqlText() {}

    static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    }
}
