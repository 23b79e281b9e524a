package dev.gepa4j.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md must document every key the config loader accepts. The keys are not listed here: they come
 * from the loader's own Jackson mapper walking {@link GepaConfig} (its naming strategy, its records), so a key added
 * to a section record fails this test until the doc has a row for it.
 *
 * <p>The doc's shape this relies on: a section starts at a heading {@code ## `[name]`}; a key is a table row that
 * starts with {@code | `key` |} (or {@code | `key` / `other_key` |} for keys sharing a row). A key of a record nested in a map (a price entry's {@code input}) must be named in
 * its parent key's row.
 */
class ConfigurationDocCoversEveryKeyTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern SECTION = Pattern.compile("^## `\\[(\\w+)]`");
    /** A key row's first cell: one key, or several sharing the row ({@code `a` / `b`}). */
    private static final Pattern KEY_ROW = Pattern.compile("^\\| (`\\w+`(?: / `\\w+`)*) \\|");
    private static final Pattern KEY = Pattern.compile("`(\\w+)`");

    @Test
    void every_accepted_key_has_a_row_in_its_section_of_the_configuration_doc() throws IOException {
        Map<String, Map<String, String>> documented = documentedRows(Files.readAllLines(DOC));
        ObjectMapper mapper = ConfigLoader.mapper();
        List<String> missing = new ArrayList<>();
        int keys = 0;

        for (BeanPropertyDefinition section : creatorProperties(mapper, mapper.constructType(GepaConfig.class))) {
            Map<String, String> rows = documented.get(section.getName());
            if (rows == null) {
                missing.add("section [" + section.getName() + "] (no heading ## `[" + section.getName() + "]`)");
                continue;
            }
            JavaType sectionType = section.getPrimaryType();
            if (sectionType.isMapLikeType()) {
                continue; // a free-form table such as [seed_candidate]: its keys are the user's, the heading is enough
            }
            for (BeanPropertyDefinition key : creatorProperties(mapper, sectionType)) {
                keys++;
                String row = rows.get(key.getName());
                if (row == null) {
                    missing.add("[" + section.getName() + "] " + key.getName());
                    continue;
                }
                JavaType nested = key.getPrimaryType().isMapLikeType() ? key.getPrimaryType().getContentType() : null;
                if (nested != null && isConfigRecord(nested)) {
                    for (BeanPropertyDefinition inner : creatorProperties(mapper, nested)) {
                        keys++;
                        if (!row.contains(inner.getName())) {
                            missing.add("[" + section.getName() + "] " + key.getName() + ".<name>." + inner.getName()
                                    + " (not named in the row of " + key.getName() + ")");
                        }
                    }
                }
            }
        }

        // the walk itself must have found the keys, or this test would pass on nothing
        assertThat(keys).as("keys derived from the config records").isGreaterThan(60);
        assertThat(missing).as("keys the loader accepts but " + DOC.normalize() + " does not list").isEmpty();
    }

    @Test
    void the_walk_finds_the_keys_a_file_really_uses_under_their_file_names() {
        ObjectMapper mapper = ConfigLoader.mapper();
        List<String> gepaKeys = creatorProperties(mapper, mapper.constructType(LoopSection.class)).stream()
                .map(BeanPropertyDefinition::getName).toList();
        List<String> sections = creatorProperties(mapper, mapper.constructType(GepaConfig.class)).stream()
                .map(BeanPropertyDefinition::getName).toList();

        assertThat(gepaKeys).contains("max_rollouts", "minibatch_size", "max_container_calls");
        assertThat(sections).containsExactlyInAnyOrder("run", "container", "dataset", "seed_candidate", "policy",
                "proposer", "gepa", "rollout");
        // and a key the walk reports is one the loader takes
        GepaConfig parsed = ConfigLoader.parse("[gepa]\nmax_container_calls = 7\n", "gepa.toml");
        assertThat(parsed.gepa().maxContainerCalls()).isEqualTo(7L);
    }

    private static List<BeanPropertyDefinition> creatorProperties(ObjectMapper mapper, JavaType type) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        return description.findProperties().stream().filter(BeanPropertyDefinition::hasConstructorParameter).toList();
    }

    private static boolean isConfigRecord(JavaType type) {
        return type.getRawClass().isRecord()
                && type.getRawClass().getPackageName().equals(GepaConfig.class.getPackageName());
    }

    /** Section name -> key -> the key's table row, from the doc's {@code ## `[section]`} headings and key rows. */
    private static Map<String, Map<String, String>> documentedRows(List<String> lines) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                Matcher heading = SECTION.matcher(line);
                current = heading.find() ? sections.computeIfAbsent(heading.group(1), k -> new LinkedHashMap<>())
                        : null;
                continue;
            }
            Matcher row = KEY_ROW.matcher(line);
            if (current != null && row.find()) {
                Matcher key = KEY.matcher(row.group(1));
                while (key.find()) {
                    current.put(key.group(1), line);
                }
            }
        }
        assertThat(sections).as("sections found in " + DOC.normalize()).isNotEmpty();
        return sections;
    }
}
