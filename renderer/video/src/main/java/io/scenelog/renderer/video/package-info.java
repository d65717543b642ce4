/** Video encoding of rendered frames with FFmpeg (JavaCPP presets): H.264 Constrained Baseline and VP8. */
package io.scenelog.renderer.video;
