-- Text values of up to 16 KB are kept in their row rather than in H2's separate LOB store. A sample's messages,
-- parameters and output are CLOBs of a few hundred bytes to a few KB; as LOBs, every sample a run commits also
-- changed three LOB maps, each rewritten on disk at the commit. Inline, a commit costs about a third less CPU
-- (SampleCommitBench), which a local model sharing the machine gets back. Longer values still go to the LOB
-- store, and values stored before stay where they are. The setting is kept in the project file.
SET MAX_LENGTH_INPLACE_LOB 16384;
