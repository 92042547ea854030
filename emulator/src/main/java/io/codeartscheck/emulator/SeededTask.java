package io.codeartscheck.emulator;

import java.util.List;

/**
 * The ids of a task added to a running emulator, with its jobs' ids oldest first (the last is the
 * task's latest job, whose report the badge shows).
 *
 * @param taskId the task's id (given, or generated when the seed named none)
 * @param jobIds the ids of its jobs, oldest first (given or generated)
 */
public record SeededTask(String taskId, List<String> jobIds) {
    /**
     * Copies the job ids.
     *
     * @param taskId the task's id
     * @param jobIds the ids of its jobs, oldest first
     */
    public SeededTask {
        jobIds = List.copyOf(jobIds);
    }
}
