package io.github.colorize.video.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/** Reads and writes FFmpeg dictionaries with UTF-8 keys and values. Stateless. */
public final class Dictionaries {

    private Dictionaries() {}

    /**
     * Sets an entry. FFmpeg may move the dictionary, so use the returned object afterwards.
     *
     * @param dict the dictionary, or null for a new one
     * @param key the key
     * @param value the value
     * @return the dictionary now holding the entry
     */
    public static AVDictionary set(AVDictionary dict, String key, String value) {
        AVDictionary d = dict == null || dict.isNull() ? new AVDictionary(null) : dict;
        try (BytePointer k = new BytePointer(key, StandardCharsets.UTF_8);
                BytePointer v = new BytePointer(value, StandardCharsets.UTF_8)) {
            int r = avutil.av_dict_set(d, k, v, 0);
            if (r < 0) {
                throw new IllegalStateException("cannot set metadata " + key + ": " + Ffmpeg.error(r));
            }
        }
        return d;
    }

    /**
     * Every entry, in order.
     *
     * @param dict the dictionary, possibly null
     * @return the entries (a new map)
     */
    public static Map<String, String> read(AVDictionary dict) {
        Map<String, String> out = new LinkedHashMap<>();
        if (dict == null || dict.isNull()) {
            return out;
        }
        AVDictionaryEntry e = null;
        while ((e = avutil.av_dict_get(dict, "", e, avutil.AV_DICT_IGNORE_SUFFIX)) != null && !e.isNull()) {
            out.put(Ffmpeg.string(e.key()), Ffmpeg.string(e.value()));
        }
        return out;
    }
}
