package dev.snowpulse.pipeline.audit;

import dev.snowpulse.pipeline.PipelineException;

import java.util.List;

/** The generation runs the audit table keeps, with the reference data each one ran on. */
public interface AuditGateway {

    /** The newest generation runs first. */
    List<AuditRun> auditRuns(int limit) throws PipelineException;

    /** The stored runs with these ids, in the order asked; fails naming an id that is not there. */
    List<AuditRuns.Stored> storedRuns(List<String> runIds) throws PipelineException;

    default RunSnapshot snapshot(String runId) throws PipelineException {
        return storedRuns(List.of(runId)).getFirst().snapshot();
    }

    /** Two runs' reference data compared row by row. */
    default RunComparison compare(String beforeRunId, String afterRunId) throws PipelineException {
        return AuditRuns.compare(storedRuns(List.of(beforeRunId, afterRunId)));
    }
}
