package dev.gepa4j.core.container;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code GET /dataset} declares.
 *
 * @param datasetId  the container's id for its data set
 * @param splitSizes number of rows per container split name (e.g. {@code train}, {@code test})
 */
public record DatasetInfo(String datasetId, Map<String, Integer> splitSizes) {
    public DatasetInfo {
        datasetId = datasetId == null ? "" : datasetId;
        splitSizes = java.util.Collections.unmodifiableMap(new TreeMap<>(splitSizes));
    }
}
