/**
 * Render-factor policy shared by the backends: {@link io.github.colorize.internal.render.AutoRenderFactor}
 * chooses a factor per photo for {@link io.github.colorize.RenderFactor#auto()}. Not API.
 */
package io.github.colorize.internal.render;
