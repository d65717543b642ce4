// The WebCodecs codec strings this browser can decode, among those a Scenelog renderer may send (DESIGN §8),
// preferred first.

export const CANDIDATE_CODECS = Object.freeze(['avc1.42E01F', 'vp8', 'vp09.00.10.08', 'av01.0.04M.08']);

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
