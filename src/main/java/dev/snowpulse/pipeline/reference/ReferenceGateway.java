package dev.snowpulse.pipeline.reference;

import dev.snowpulse.pipeline.PipelineException;

import java.util.List;

/** The reference data the generator reads: its rows, and one value changed at a time. */
public interface ReferenceGateway {

    List<ReferenceRow> reference(ReferenceTable table) throws PipelineException;

    void apply(ReferenceChange change) throws PipelineException;
}
