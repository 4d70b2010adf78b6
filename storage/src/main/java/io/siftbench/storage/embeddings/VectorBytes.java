package io.siftbench.storage.embeddings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** How an embedding is stored in a {@code VARBINARY} column: its values as little-endian 32-bit floats. */
public final class VectorBytes {

    private VectorBytes() {}

    public static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static float[] decode(byte[] bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
