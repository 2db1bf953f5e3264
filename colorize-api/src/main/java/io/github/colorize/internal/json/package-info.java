/**
 * The project's one JSON reader and writer: strict RFC 8259 parsing bounded against hostile input,
 * and compact one-line writing, for model card files, the remote service's answers and the command
 * line's manifests, run logs and reports. Kept in-house rather than adding a JSON library: the shipped
 * jar set stays small, and a dependency would be one more thing to converge and to trust with
 * untrusted input. Exported only to this project's own modules. Not API.
 */
package io.github.colorize.internal.json;
