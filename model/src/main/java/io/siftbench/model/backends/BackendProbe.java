package io.siftbench.model.backends;

/** Tests a backend configuration: lists its models, or says why it cannot. Blocking; never on the UI thread. */
public interface BackendProbe {

    ConnectionReport test(BackendConfig config);
}
