// The WebCodecs codec strings this browser can decode, among those a Scenelog renderer sends (H.264 constrained
// baseline and VP8, renderer/video), preferred first.

export const CANDIDATE_CODECS = Object.freeze(['avc1.42E01F', 'vp8']);

/** The candidates VideoDecoder.isConfigSupported accepts; empty without WebCodecs. */
export async function supportedVideoCodecs(decoder = globalThis.VideoDecoder) {
  if (typeof decoder?.isConfigSupported !== 'function') {
    return [];
  }
  const checks = await Promise.all(CANDIDATE_CODECS.map(async (codec) => {
    try {
      const support = await decoder.isConfigSupported({ codec, optimizeForLatency: true });
      return support.supported ? codec : null;
    } catch {
      return null; // a codec string this browser does not even parse
    }
  }));
  return checks.filter((codec) => codec !== null);
}
