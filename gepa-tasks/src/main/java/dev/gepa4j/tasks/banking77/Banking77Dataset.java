package dev.gepa4j.tasks.banking77;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The bundled Banking77 files (PolyAI, CC-BY-4.0; see {@code data/README.md} next to them) and the demo splits.
 *
 * <p>The CSVs are read with Jackson's CSV parser because texts contain quoted line breaks, doubled quotes, CRLF row
 * ends and non-ASCII characters. Both files are grouped by label, so {@link #splits(SplitSizes)} shuffles each file
 * with a fixed {@link Random} seed before taking a prefix. Instances are immutable and safe to share.
 */
public final class Banking77Dataset {
    private static final String DATA = "data/";

    private final List<String> labels;
    private final List<LabelledText> trainRows;
    private final List<LabelledText> testRows;

    /** A raw CSV row: the customer text and its category. */
    public record LabelledText(String text, String category) {}

    private Banking77Dataset(List<String> labels, List<LabelledText> trainRows, List<LabelledText> testRows) {
        this.labels = List.copyOf(labels);
        this.trainRows = List.copyOf(trainRows);
        this.testRows = List.copyOf(testRows);
    }

    /** Loads the three bundled files from the classpath; fails with {@link UncheckedIOException} if one is missing. */
    public static Banking77Dataset load() {
        return new Banking77Dataset(readLabels(), readCsv("train.csv"), readCsv("test.csv"));
    }

    /** The 77 labels in the order of {@code categories.json} (not alphabetical). */
    public List<String> labels() {
        return labels;
    }

    /** All 10,003 rows of train.csv in file order. */
    public List<LabelledText> trainRows() {
        return trainRows;
    }

    /** All 3,080 rows of test.csv in file order. */
    public List<LabelledText> testRows() {
        return testRows;
    }

    /**
     * Shuffled, disjoint train, validation and heldout splits; the same sizes and seed always give the same examples.
     * Validation is the slice of the train.csv shuffle right after the train prefix, so adding it never changes
     * train.
     */
    public Banking77Splits splits(SplitSizes sizes) {
        return new Banking77Splits(
                take("train", trainRows, 0, sizes.train(), sizes.shuffleSeed()),
                take("validation", trainRows, sizes.train(), sizes.validation(), sizes.shuffleSeed()),
                take("heldout", testRows, 0, sizes.heldout(), sizes.shuffleSeed() + 1));
    }

    private static List<Banking77Example> take(String prefix, List<LabelledText> rows, int from, int size, long seed) {
        if (from + size > rows.size()) {
            throw new IllegalArgumentException(prefix + " split of " + size + " from row " + from + " exceeds "
                    + rows.size() + " rows");
        }
        List<LabelledText> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        List<Banking77Example> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            LabelledText row = shuffled.get(from + i);
            out.add(new Banking77Example(i, prefix + ":" + i, row.text(), row.category()));
        }
        return out;
    }

    /** The 77 labels of the bundled {@code categories.json}, in file order, without reading the CSVs. */
    public static List<String> bundledLabels() {
        return readLabels();
    }

    private static List<String> readLabels() {
        try (InputStream in = open("categories.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read categories.json", e);
        }
    }

    private static List<LabelledText> readCsv(String name) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = open(name);
                MappingIterator<Map<String, String>> it =
                        mapper.readerFor(new TypeReference<Map<String, String>>() {}).with(schema).readValues(in)) {
            List<LabelledText> rows = new ArrayList<>();
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                rows.add(new LabelledText(row.get("text"), row.get("category")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Banking77Dataset.class.getResourceAsStream(DATA + name);
        if (in == null) {
            throw new IOException("missing classpath resource " + DATA + name);
        }
        return in;
    }
}
