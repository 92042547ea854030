package io.codeartscheck.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last N requests received, oldest first; thread-safe. */
final class Journal {
    private final int capacity;
    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

    Journal(int capacity) {
        this.capacity = capacity;
    }

    boolean enabled() {
        return capacity > 0;
    }

    void add(RecordedRequest r) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(r);
        }
    }

    List<RecordedRequest> all() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    List<RecordedRequest> of(Operation operation) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest r : all()) {
            if (r.operation() == operation) {
                matching.add(r);
            }
        }
        return matching;
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
