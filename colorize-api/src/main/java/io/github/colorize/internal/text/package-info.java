/**
 * Text from untrusted input made safe for messages and logs. Exported only to this project's own
 * modules. Not API.
 */
package io.github.colorize.internal.text;
