package io.github.colorize.djl.internal;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns libtorch's oneDNN ("mkldnn") convolutions off in this JVM, as Python's {@code
 * torch.backends.mkldnn.enabled = False} does: libtorch then convolves with its own kernels. This is the
 * fix {@link DjlKernelCheck} applies when oneDNN computes wrong on this CPU (libtorch 2.7.1 bundles oneDNN
 * 3.7.1, whose AVX-512 3x3 kernels are wrong on AMD EPYC when the input channels are not a multiple of
 * 16). DJL's JNI bridge has no switch for it and oneDNN reads {@code ONEDNN_MAX_CPU_ISA} only from the
 * process environment, so the flag is set through the C++ entry points that libtorch exports ({@code
 * at::globalContext().setUserEnabledMkldnn(false)}), called with JNA, which DJL already brings.
 *
 * <p>Itanium C++ ABI only (Linux, macOS): elsewhere the symbols are not found and the caller refuses the
 * engine instead. The libtorch that DJL loaded is opened again without loading anything ({@code
 * RTLD_NOLOAD}), and the flag is read back. Affects every libtorch user in the JVM. Thread-safe.
 */
final class LibTorchOneDnn {

    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private static final String IS_ENABLED = "_ZNK2at7Context17userEnabledMkldnnEv";
    private static final int RTLD_LAZY = 0x1;

    private LibTorchOneDnn() {}

    /**
     * Turns the convolutions off and confirms it.
     *
     * @return what was done, for the log
     * @throws IllegalStateException if libtorch still reports oneDNN on
     * @throws UnsatisfiedLinkError if libtorch or its symbols cannot be found
     */
    static synchronized String disableConvolutions() {
        Path lib = Path.of(LibUtils.getLibtorchPath(), System.mapLibraryName("torch_cpu"));
        int noLoad = Platform.isMac() ? 0x10 : 0x4;
        NativeLibrary torch =
                NativeLibrary.getInstance(lib.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | noLoad));
        Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
        torch.getFunction(SET_ENABLED).invokeVoid(new Object[] {context, Boolean.FALSE});
        Function enabled = torch.getFunction(IS_ENABLED);
        if ((enabled.invokeInt(new Object[] {context}) & 0xFF) != 0) {
            throw new IllegalStateException("libtorch still reports oneDNN convolutions on");
        }
        return "colorize turned libtorch's oneDNN convolutions off for this JVM (slower, but right)";
    }
}
