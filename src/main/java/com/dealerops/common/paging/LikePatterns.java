package com.dealerops.common.paging;

/** LIKE patterns from user text, with the text's own % and _ taken literally (use with {@link #ESCAPE}). */
public final class LikePatterns {

    /** Append after the LIKE parameter in HQL. */
    public static final String ESCAPE = " escape '\\'";

    private LikePatterns() {
    }

    public static String startingWith(String text) {
        return escape(text.toLowerCase()) + "%";
    }

    public static String containing(String text) {
        return "%" + escape(text.toLowerCase()) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
