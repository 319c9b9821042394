/**
 * File names under `<lib>/av/` that @zoom/meetingsdk 6.2.0 requests, as its code spells them (checked against the
 * package's `av/manifest.json` and bundles by test/node/assets/sdk-bundle.test.ts, so an SDK update that renames
 * one fails a test instead of silently preloading nothing useful).
 */
export const SdkFile = {
  jsMedia: 'js_media.min.js',
  /** Client View only: prepareWebSDK injects it next to js_media. */
  transport: 'tp.min.js',
  audioSimdWorker: 'audio_simd.min.js',
  audioSimdWasm: 'audio.simd.wasm',
  audioWorker: 'js_audio_process.min.js',
  audioWasm: 'audio.encode.wasm',
  videoShareWorker: 'video_share_mtsimd.min.js',
  videoMtSimdWorker: 'video_mtsimd.min.js',
  videoMtSimdWasm: 'video.mtsimd.wasm',
  videoMtWorker: 'video_m.min.js',
  videoMtWasm: 'video.mt.wasm',
  videoSimdWorker: 'video_simd.min.js',
  videoSimdWasm: 'video.simd.wasm',
  videoWorker: 'video_s.min.js',
  videoWasm: 'video.decode.wasm',
  sharingMtSimdWorker: 'sharing_mtsimd.min.js',
  sharingMtWorker: 'sharing_m.min.js',
  sharingSimdWorker: 'sharing_simd.min.js',
  sharingWorker: 'sharing_s.min.js',
  netThread: 'net_thread.min.js',
  vbWorker: 'vb_worker.min.js',
  vbTf: 'vb-resource/tf.min.js',
  vbModel: 'vb-resource/dualModel.bin',
  vbWasmBackend: 'vb-resource/tf-backend-wasm.min.js',
  vbWasmSimd: 'vb-resource/tfjs-backend-wasm-simd.wasm',
  vbWasmThreadedSimd: 'vb-resource/tfjs-backend-wasm-threaded-simd.wasm',
} as const;
export type SdkFile = (typeof SdkFile)[keyof typeof SdkFile];

/** The file whose hash identifies an SDK release: it changes with every version and is always requested first. */
export const VERSION_WITNESS: SdkFile = SdkFile.jsMedia;
