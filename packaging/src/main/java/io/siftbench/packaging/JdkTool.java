package io.siftbench.packaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs a JDK tool (jdeps, jlink, jpackage) in this JVM and returns what it printed. */
final class JdkTool {

    private JdkTool() {}

    static boolean available(String name) {
        return ToolProvider.findFirst(name).isPresent();
    }

    /** The tool's standard output; a failure carries everything the tool printed. */
    static String run(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new PackagingException(name + " is not part of the JDK at "
                        + System.getProperty("java.home") + ": packaging needs a full JDK 17 or newer."));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != 0) {
            throw new PackagingException(
                    name + " failed with exit code " + code + " (" + String.join(" ", args) + "):\n" + out + err);
        }
        return out.toString();
    }
}
