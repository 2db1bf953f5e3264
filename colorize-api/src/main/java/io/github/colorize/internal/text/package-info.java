/**
 * Text from outside (a web service's answers, file names) made safe to print: one rule for every
 * message and log line, so that no module keeps its own idea of which characters a terminal acts on.
 * Exported only to this project's own modules. Not API.
 */
package io.github.colorize.internal.text;
