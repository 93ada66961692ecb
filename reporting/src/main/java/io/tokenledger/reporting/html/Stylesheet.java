package io.tokenledger.reporting.html;

/**
 * How the HTML statement gets its styles: inline in the document (email, and responses without a content security
 * policy), or linked (pages whose policy forbids inline styles).
 *
 * @param href the stylesheet's URL when linked; null for inline
 */
public record Stylesheet(String href) {

    public static Stylesheet inline() {
        return new Stylesheet(null);
    }

    public static Stylesheet linked(String href) {
        return new Stylesheet(href);
    }

    boolean isInline() {
        return href == null;
    }
}
