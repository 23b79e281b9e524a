package dev.gepa4j.runtime.workspace;

/**
 * A cheap first answer to "may any run hold a measured row for this cache key?", so a miss need not query. False must
 * mean the row is absent; true means "look it up".
 */
interface KnownKeys {
    /** No filter: every key is looked up (the PostgreSQL workspace, where other machines write at any moment). */
    KnownKeys LOOK_UP_ALL = new KnownKeys() {
        @Override
        public boolean mayHold(String cacheKey) {
            return true;
        }

        @Override
        public void add(String cacheKey) {
            // nothing to remember
        }
    };

    boolean mayHold(String cacheKey);

    /** A measured row with this key is being written by this process (called inside the writing transaction). */
    void add(String cacheKey);
}
