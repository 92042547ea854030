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
    // Read without the lock on every call: most runs never queue a fault.
    private volatile boolean any;
    // Bumped by each reset: a delayed call that wakes up in a later generation is not served.
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    synchronized void add(Operation operation, Fault fault) {
        queues.computeIfAbsent(operation, o -> new ArrayDeque<>()).addLast(new Pending(fault));
        any = true;
    }

    /** Whether the next call of the operation would get a fault that waits (a cheap check when none is queued). */
    boolean delayNext(Operation operation) {
        if (!any || operation == null) {
            return false;
        }
        synchronized (this) {
            ArrayDeque<Pending> queue = queues.get(operation);
            return queue != null && !queue.isEmpty() && !queue.peekFirst().fault.delay().isZero();
        }
    }

    /**
     * The fault for this call of the operation, or null; counts the call against the fault.
     *
     * @param mayWait false when the call runs on a thread that must not wait: a delay fault is then
     *                left for a later call, and this call gets none
     */
    Fault next(Operation operation, boolean mayWait) {
        if (!any || operation == null) {
            return null;
        }
        synchronized (this) {
            ArrayDeque<Pending> queue = queues.get(operation);
            if (queue == null || queue.isEmpty()) {
                return null;
            }
            Pending p = queue.peekFirst();
            if (!mayWait && !p.fault.delay().isZero()) {
                return null;
            }
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

    /** Drops every fault, and makes calls still waiting on a delay stale (see {@link #generation()}). */
    void reset() {
        generation.incrementAndGet();
        clear();
    }

    /** The number of resets so far: a call compares it before and after its delay. */
    long generation() {
        return generation.get();
    }
}
