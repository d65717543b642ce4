/** FFmpeg (JavaCPP) implementation of the video encoders and decoders: nothing here is API. */
package io.scenelog.renderer.video.internal;
