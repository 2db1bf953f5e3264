/**
 * Model files behind {@link io.github.colorize.ModelCard}s: the built-in cards, card files, the model
 * cache and the verified downloader, and the resolver that turns a card into checked bytes or a file.
 * Exported only to this project's backend and CLI modules. Not API.
 */
package io.github.colorize.internal.model;
