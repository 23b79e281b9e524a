package dev.gepa4j.contract.wire;

/**
 * The body of every 4xx a gepa4j container sends.
 *
 * @param error  a short machine-readable code ({@code malformed_json}, {@code api_key_in_body}, ...)
 * @param detail what was wrong and what to do instead
 */
public record ErrorResponse(String error, String detail) {
}
