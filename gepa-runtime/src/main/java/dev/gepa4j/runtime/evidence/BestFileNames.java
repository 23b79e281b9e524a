package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names for {@code best/<field>.txt}: one per field, never two fields on one file.
 *
 * <p>A field name is kept as it is when it consists of letters, digits, {@code .}, {@code _} and {@code -} only (and
 * does not start with a dot); every other byte of its UTF-8 form, {@code %} included, becomes {@code %XX} (upper-case
 * hex), so {@code a/b} is {@code a%2Fb.txt} and {@code a_b} stays {@code a_b.txt}, and the name decodes back to the
 * field. Two cases need more, and get a suffix before {@code .txt}: a name longer than {@value #MAX_STEM} characters
 * is cut and ends in {@code ~} plus 12 hex digits of the field's hash; and a name equal, ignoring case, to an earlier
 * field's (macOS and Windows file systems would merge them) ends in {@code ~2}, {@code ~3}, .... The packet's
 * {@code best.files} maps every file to its field, so no name needs decoding by hand.
 */
final class BestFileNames {
    /** Longest stem kept whole: file systems allow 255 bytes per name, and {@code .txt} plus suffixes need room. */
    static final int MAX_STEM = 200;

    private BestFileNames() {
    }

    /** File name to field, for the fields in the given order (sorted, so the mapping is stable across runs). */
    static Map<String, String> forFields(List<String> fields) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String field : fields) {
            String stem = stem(field);
            String name = stem + ".txt";
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = stem + "~" + n + ".txt";
            }
            files.put(name, field);
        }
        return files;
    }

    /** The percent-encoded stem of one field, cut and hashed when too long. */
    static String stem(String field) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '_' || b == '-' || (b == '.' && i > 0);
            if (plain) {
                sb.append((char) b);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b));
            }
        }
        if (sb.isEmpty()) {
            return "%";  // the empty field name; no other field encodes to a lone '%'
        }
        if (sb.length() > MAX_STEM) {
            return sb.substring(0, MAX_STEM) + "~" + ContentHash.sha256Hex(field).substring(0, 12);
        }
        return sb.toString();
    }
}
