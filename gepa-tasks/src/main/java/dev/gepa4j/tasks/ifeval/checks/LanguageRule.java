package dev.gepa4j.tasks.ifeval.checks;

import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code language:response_language}: the response is written in the language with ISO 639-1 code
 * {@code language}. An approximation without a language model, deterministic and documented:
 * <ul>
 *   <li>languages with a script of their own (Hindi, Russian, Thai, Korean, ...): at least {@value #SCRIPT_SHARE_PCT}%
 *       of the letters are in that script; languages sharing a script (Hindi, Marathi and Nepali; Russian and
 *       Bulgarian; Arabic, Persian and Urdu) are not told apart;</li>
 *   <li>languages written in Latin letters (German, Italian, Portuguese, Finnish, Swahili, Vietnamese, ...): at least
 *       {@value #SCRIPT_SHARE_PCT}% Latin letters, and the language's common function words outnumber those of each
 *       other listed Latin-script language, English included.</li>
 * </ul>
 * A code in neither table fails with a measurement saying so (no row of the bundled data has one).
 */
final class LanguageRule {
    static final int SCRIPT_SHARE_PCT = 80;
    private static final Pattern TOKEN = Pattern.compile("\\p{L}+");
    private static final Map<String, UnicodeScript> SCRIPTS = Map.ofEntries(
            Map.entry("hi", UnicodeScript.DEVANAGARI), Map.entry("mr", UnicodeScript.DEVANAGARI),
            Map.entry("ne", UnicodeScript.DEVANAGARI), Map.entry("kn", UnicodeScript.KANNADA),
            Map.entry("pa", UnicodeScript.GURMUKHI), Map.entry("gu", UnicodeScript.GUJARATI),
            Map.entry("te", UnicodeScript.TELUGU), Map.entry("ta", UnicodeScript.TAMIL),
            Map.entry("bn", UnicodeScript.BENGALI), Map.entry("ar", UnicodeScript.ARABIC),
            Map.entry("fa", UnicodeScript.ARABIC), Map.entry("ur", UnicodeScript.ARABIC),
            Map.entry("ru", UnicodeScript.CYRILLIC), Map.entry("bg", UnicodeScript.CYRILLIC),
            Map.entry("uk", UnicodeScript.CYRILLIC), Map.entry("ko", UnicodeScript.HANGUL),
            Map.entry("th", UnicodeScript.THAI), Map.entry("el", UnicodeScript.GREEK),
            Map.entry("he", UnicodeScript.HEBREW), Map.entry("zh", UnicodeScript.HAN));
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "is", "of", "to", "in", "that", "it", "for", "with", "you", "are", "this",
                    "was", "be", "on", "not", "have"),
            "de", Set.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "mit", "ich", "sie", "es",
                    "den", "auf", "auch", "für", "sich", "von", "im"),
            "it", Set.of("il", "di", "che", "è", "la", "per", "un", "una", "non", "sono", "con", "del", "della",
                    "gli", "nel", "anche", "si", "come", "lo", "ma"),
            "pt", Set.of("o", "que", "do", "da", "em", "um", "uma", "para", "com", "não", "os", "é", "se", "por",
                    "mais", "no", "na", "ao", "você", "são"),
            "es", Set.of("el", "que", "y", "en", "los", "se", "del", "las", "por", "con", "una", "es", "para", "muy",
                    "pero", "su", "al", "lo", "como", "más"),
            "fr", Set.of("le", "les", "et", "est", "une", "des", "qui", "dans", "pour", "pas", "du", "sur", "il",
                    "elle", "vous", "nous", "au", "avec", "ce", "sont"),
            "fi", Set.of("ja", "on", "ei", "se", "että", "hän", "oli", "ovat", "kun", "mutta", "myös", "tämä",
                    "joka", "sekä", "kuin", "niin", "minä", "sinä", "olla", "ole"),
            "sw", Set.of("na", "ya", "wa", "ni", "kwa", "za", "katika", "kuwa", "hii", "yake", "lakini", "pia",
                    "kama", "sana", "watu", "wewe", "mimi", "hiyo", "huo", "cha"),
            "vi", Set.of("và", "của", "là", "có", "không", "được", "trong", "cho", "những", "một", "các", "người",
                    "với", "này", "đã", "để", "khi", "như", "cũng", "từ"));

    private LanguageRule() {
    }

    static InstructionChecker checker() {
        return new Rule("language:response_language",
                "the response is in the language with ISO 639-1 code 'language' (by script, or for Latin-script "
                        + "languages by their common function words)",
                (response, args) -> check(response, args.text("language").strip().toLowerCase(Locale.ROOT)));
    }

    static List<String> supportedCodes() {
        var codes = new java.util.TreeSet<>(SCRIPTS.keySet());
        codes.addAll(FUNCTION_WORDS.keySet());
        return List.copyOf(codes);
    }

    private static CheckOutcome check(String response, String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        String asked = "asked for a response in " + name + " (" + code + "), ";
        UnicodeScript script = SCRIPTS.getOrDefault(code, FUNCTION_WORDS.containsKey(code) ? UnicodeScript.LATIN : null);
        if (script == null) {
            return CheckOutcome.of(false, asked + "but this checker has no rule for that language");
        }
        long letters = response.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return CheckOutcome.of(false, asked + "the response has no letters");
        }
        long inScript = response.codePoints().filter(Character::isLetter)
                .filter(c -> UnicodeScript.of(c) == script).count();
        long pct = Math.round(100.0 * inScript / letters);
        String scriptName = script.name().charAt(0) + script.name().substring(1).toLowerCase(Locale.ROOT);
        if (pct < SCRIPT_SHARE_PCT || script != UnicodeScript.LATIN) {
            return CheckOutcome.of(pct >= SCRIPT_SHARE_PCT, asked + pct + "% of its letters are in the " + scriptName
                    + " script (needs " + SCRIPT_SHARE_PCT + "%)");
        }
        Map<String, Integer> hits = functionWordHits(response);
        int own = hits.getOrDefault(code, 0);
        String rival = null;
        int rivalHits = -1;
        for (var e : hits.entrySet()) {
            if (!e.getKey().equals(code) && e.getValue() > rivalHits) {
                rival = e.getKey();
                rivalHits = e.getValue();
            }
        }
        boolean ok = own > 0 && own > rivalHits;
        String rivalName = Locale.forLanguageTag(rival).getDisplayLanguage(Locale.ENGLISH);
        return CheckOutcome.of(ok, asked + (ok ? "it reads as " + name : "it reads as " + rivalName) + " ("
                + own + " common " + name + " words, " + rivalHits + " " + rivalName + ")");
    }

    private static Map<String, Integer> functionWordHits(String text) {
        Map<String, Integer> hits = new HashMap<>();
        FUNCTION_WORDS.keySet().forEach(k -> hits.put(k, 0));
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            FUNCTION_WORDS.forEach((lang, words) -> {
                if (words.contains(word)) {
                    hits.merge(lang, 1, Integer::sum);
                }
            });
        }
        return hits;
    }
}
