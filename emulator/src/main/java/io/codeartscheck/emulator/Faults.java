package io.codeartscheck.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The faults queued per operation; each call of an operation takes the next one. Thread-safe. */
final class Faults {
    private static final class Pending {
        final Fault fault;
        int left;

        Pending(Fault fault) {
            this.fault = fault;
            this.left = fault.times();
        }
    }

    private final Map<Operation, ArrayDeque<Pending>> queues = new EnumMap<>(Operation.class);
    // Read without the lock on every request: most runs never queue a fault.
    private volatile boolean any;

    synchronized void add(Operation operation, Fault fault) {
        queues.computeIfAbsent(operation, o -> new ArrayDeque<>()).addLast(new Pending(fault));
        any = true;
    }

    /** Whether any fault is queued (a cheap check, without the lock). */
    boolean any() {
        return any;
    }

    /** The fault for this call of the operation, or null; counts the call against the fault. */
    Fault next(Operation operation) {
        if (!any || operation == null) {
            return null;
        }
        synchronized (this) {
            ArrayDeque<Pending> queue = queues.get(operation);
            if (queue == null || queue.isEmpty()) {
                return null;
            }
            Pending p = queue.peekFirst();
            if (--p.left == 0) {
                queue.removeFirst();
                any = queues.values().stream().anyMatch(q -> !q.isEmpty());
            }
            return p.fault;
        }
    }

    /** Pending faults per operation, each with the calls it still applies to. */
    synchronized Map<Operation, List<Fault>> pending() {
        Map<Operation, List<Fault>> result = new EnumMap<>(Operation.class);
        queues.forEach((op, queue) -> {
            List<Fault> list = new ArrayList<>();
            for (Pending p : queue) {
                list.add(p.fault.times(p.left));
            }
            if (!list.isEmpty()) {
                result.put(op, List.copyOf(list));
            }
        });
        return result;
    }

    synchronized void clear() {
        queues.clear();
        any = false;
    }
}
