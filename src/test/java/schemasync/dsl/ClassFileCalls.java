package schemasync.dsl;

import java.io.IOException;
import java.util.List;

/** Tests outside the dsl package read a compiled class's calls ("owner/Class.method") with the fingerprint's own scanner. */
public final class ClassFileCalls {
    private ClassFileCalls() {
    }

    public static List<String> methodsCalled(byte[] classFile) throws IOException {
        return ClassFileScan.of(classFile).methods();
    }
}
