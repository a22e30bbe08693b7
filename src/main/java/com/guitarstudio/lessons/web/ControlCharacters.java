package com.guitarstudio.lessons.web;

/**
 * The one rule for characters no input may hold: NUL and the other control characters, but for tab,
 * line feed and carriage return (a note typed over several lines), and half of a character (a lone
 * UTF-16 surrogate, which JSON can write as {@code \\ud83c}). PostgreSQL refuses NUL in text and
 * stores a lone surrogate as '?', so what was sent would not be what is kept; the others only ever
 * come from tools and attackers.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a whole character outside the basic plane
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
