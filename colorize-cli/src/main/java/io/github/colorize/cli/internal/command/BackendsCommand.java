package io.github.colorize.cli.internal.command;

import io.github.colorize.BackendInfo;
import io.github.colorize.ColorizerRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code colorize backends}: every backend found, its priority, and why it can or cannot run. */
@Command(
        name = "backends",
        header = "Lists the backends found and whether each can run here.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the backends found on the class path, highest priority first, and whether each can run here"
                    + " (with --model/--device as given).",
            "Exit code 0 if at least one can run, 3 if none can."
        })
final class BackendsCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    BackendOptions backend = new BackendOptions();

    BackendsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<BackendInfo> infos = ColorizerRegistry.getDefault().describe(backend.config());
        if (infos.isEmpty()) {
            ctx.out().println("no backends found; add io.github.colorize:colorize-onnx to the class path");
            return ExitCodes.NO_BACKEND;
        }
        boolean any = false;
        for (BackendInfo info : infos) {
            ctx.out().println(info.describe() + "  [" + info.artifact() + "]");
            any |= info.available();
        }
        ctx.out().flush();
        return any ? ExitCodes.OK : ExitCodes.NO_BACKEND;
    }
}
