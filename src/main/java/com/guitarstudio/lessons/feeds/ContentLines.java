package com.guitarstudio.lessons.feeds;

/** iCalendar content lines (RFC 5545, 3.1). */
final class ContentLines {

    /** The longest line, line break excluded. */
    static final int MAX_OCTETS = 75;

    private ContentLines() {}

    /**
     * Folds content lines at 75 octets of UTF-8, as RFC 5545 (3.1) asks: a longer line goes on in lines
     * that start with a space, and never splits a character. ical4j 4.2.1's outputter folds at 75
     * characters, so a line of names with accents came out longer than 75 octets; {@code
     * Calendar.toString()} gives the lines unfolded, with their text already escaped.
     */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder();
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int at = 0; at < line.length(); ) {
                int codePoint = line.codePointAt(at);
                int size = utf8Octets(codePoint);
                if (octets + size > MAX_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                at += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    private static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
