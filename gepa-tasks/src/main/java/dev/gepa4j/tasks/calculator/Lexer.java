package dev.gepa4j.tasks.calculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into {@link Token}s, refusing anything that is not a number, an operator, a parenthesis or
 * {@code sqrt}. Numbers may use thousands separators ({@code 80,000}) and a decimal point; a literal longer than
 * {@link Limits#MAX_LITERAL_DIGITS} digits is refused before it is converted.
 */
final class Lexer {
    private static final String ACCEPTS = "the calculator accepts numbers, + - * / ^ ** %, parentheses and sqrt(...)";
    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String expression) throws CalculationRefused {
        return new Lexer(expression).all();
    }

    private List<Token> all() throws CalculationRefused {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                tokens.add(new Token(Token.Kind.END, null, at));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() throws CalculationRefused {
        char c = text.charAt(at);
        int start = at;
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        at++;
        return switch (c) {
            case '+' -> new Token(Token.Kind.PLUS, null, start);
            case '-', '\u2212' -> new Token(Token.Kind.MINUS, null, start);
            case '/' -> new Token(Token.Kind.DIVIDE, null, start);
            case '^' -> new Token(Token.Kind.POWER, null, start);
            case '%' -> new Token(Token.Kind.PERCENT, null, start);
            case '(' -> new Token(Token.Kind.OPEN, null, start);
            case ')' -> new Token(Token.Kind.CLOSE, null, start);
            case '*' -> {
                if (at < text.length() && text.charAt(at) == '*') {
                    at++;
                    yield new Token(Token.Kind.POWER, null, start);
                }
                yield new Token(Token.Kind.TIMES, null, start);
            }
            case '\u00d7' -> throw new CalculationRefused("'\u00d7' at position " + start + ": write * for times");
            case '\u00f7' -> throw new CalculationRefused("'\u00f7' at position " + start + ": write / for division");
            case '$' -> throw new CalculationRefused("'$' at position " + start
                    + ": leave out units and currency signs, e.g. 80000*1.5");
            case ',' -> throw new CalculationRefused("',' at position " + start
                    + ": a comma may only separate thousands inside a number (1,234)");
            default -> throw new CalculationRefused("unexpected character '" + printable(c) + "' at position " + start
                    + ": " + ACCEPTS);
        };
    }

    private Token number() throws CalculationRefused {
        int start = at;
        StringBuilder digits = new StringBuilder();
        int count = 0;
        boolean point = false;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isDigit(c)) {
                digits.append(c);
                count++;
                if (count > Limits.MAX_LITERAL_DIGITS) {
                    throw new CalculationRefused("the number at position " + start + " has more than "
                            + Limits.MAX_LITERAL_DIGITS + " digits; the calculator accepts at most "
                            + Limits.MAX_LITERAL_DIGITS + " digits per number");
                }
                at++;
            } else if (c == '.' && !point) {
                point = true;
                digits.append(c);
                at++;
            } else if (c == ',' && !point && count > 0 && groupOfThreeFollows()) {
                at++;
            } else {
                break;
            }
        }
        if (count == 0) {
            throw new CalculationRefused("'.' at position " + start + " is not a number: write 0.5 or .5");
        }
        return new Token(Token.Kind.NUMBER, new BigDecimal(digits.toString()), start);
    }

    /** Whether the comma at {@code at} is followed by exactly three digits (a thousands separator). */
    private boolean groupOfThreeFollows() {
        int end = at + 4;
        if (end > text.length()) {
            return false;
        }
        for (int i = at + 1; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return end == text.length() || !Character.isDigit(text.charAt(end));
    }

    private Token name() throws CalculationRefused {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String name = text.substring(start, at);
        if (name.equals("sqrt")) {
            return new Token(Token.Kind.SQRT, null, start);
        }
        String shown = name.length() > 20 ? name.substring(0, 20) + "..." : name;
        throw new CalculationRefused("unknown name '" + shown + "' at position " + start
                + ": the only function is sqrt(...); write the numbers themselves, e.g. 12*4.5 or (3+4)^2");
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
