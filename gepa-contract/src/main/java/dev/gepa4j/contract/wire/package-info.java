/**
 * The JSON documents of the public GEPA container contract ("gepa.v2" family), one record per document, named
 * after the route that carries it. Field names are snake_case on the wire (the codec's naming strategy);
 * every record keeps fields it does not know in {@code extra} (written back unchanged), so a container that
 * sends more than we read is never rejected for it.
 *
 * <p>Parts whose shape varies between containers (reward blocks, traces, rows) stay {@code JsonNode}: the
 * rules that read them live in {@code dev.gepa4j.contract}, not in Jackson annotations.
 *
 * <p>May import: Jackson ({@code com.fasterxml.jackson.*}) and {@code java.*}. No gepa4j package.
 */
package dev.gepa4j.contract.wire;
