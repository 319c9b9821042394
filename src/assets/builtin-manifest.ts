import type { SdkFile } from './sdk-files.js';

/**
 * Sizes from @zoom/meetingsdk 6.2.0's `dist/lib/av/manifest.json`, for the files an asset plan can contain. Used
 * when the asset path's own manifest cannot be read (Zoom's CDN from a page without CORS to it, a host that does not
 * serve .json): progress still weighs files by size. The version witness also keeps its sha256, which is how a
 * self-hosted copy is recognised as this version (the manifest itself names no version). Only this version's sizes
 * are built in: for any other, the served manifest gives them.
 * Generated from the installed package; test/node/assets/builtin-manifest.test.ts fails (and prints the new
 * table) when the package no longer matches.
 */
export const BUILTIN_MANIFEST_VERSION = '6.2.0';

export const BUILTIN_MANIFEST: Readonly<Record<SdkFile, { size: number; hash?: string }>> = {
  'audio.encode.wasm': { size: 2948675 },
  'audio.simd.wasm': { size: 4512352 },
  'audio_simd.min.js': { size: 451234 },
  'js_audio_process.min.js': { size: 451205 },
  'js_media.min.js': { size: 1659481, hash: '93f58ba22555ece0a647b52848fc8ecb65cd5c6bb481204b8b71542556b2ad41' },
  'net_thread.min.js': { size: 396466 },
  'sharing_m.min.js': { size: 706504 },
  'sharing_mtsimd.min.js': { size: 706511 },
  'sharing_s.min.js': { size: 627546 },
  'sharing_simd.min.js': { size: 627547 },
  'tp.min.js': { size: 431781 },
  'vb-resource/dualModel.bin': { size: 1519548 },
  'vb-resource/tf-backend-wasm.min.js': { size: 149861 },
  'vb-resource/tf.min.js': { size: 1469843 },
  'vb-resource/tfjs-backend-wasm-simd.wasm': { size: 424594 },
  'vb-resource/tfjs-backend-wasm-threaded-simd.wasm': { size: 435643 },
  'vb_worker.min.js': { size: 425862 },
  'video.decode.wasm': { size: 4669039 },
  'video.mt.wasm': { size: 4772024 },
  'video.mtsimd.wasm': { size: 4962823 },
  'video.simd.wasm': { size: 4859788 },
  'video_m.min.js': { size: 774760 },
  'video_mtsimd.min.js': { size: 774767 },
  'video_s.min.js': { size: 695806 },
  'video_share_mtsimd.min.js': { size: 858957 },
  'video_simd.min.js': { size: 695807 },
};

/**
 * The version witness of every SDK version the suites run, so a self-hosted copy of either is recognised from its
 * manifest alone. Checked against the installed packages (the newest and the `-oldest` alias) by
 * test/node/assets/builtin-manifest.test.ts.
 */
export const KNOWN_SDK_WITNESSES: Readonly<Record<string, { size: number; hash: string }>> = {
  '5.0.0': { size: 1201110, hash: 'fc4ef5af603db2067bf5fad697525e6dfcb4cdcac4eb99df20cdd25d64b7ac0c' },
  '6.2.0': { size: 1659481, hash: '93f58ba22555ece0a647b52848fc8ecb65cd5c6bb481204b8b71542556b2ad41' },
};

/** The known version whose witness (`js_media.min.js`) has this hash and size, or undefined. */
export function recognizeSdkVersion(witness: { size: number; hash: string } | undefined): string | undefined {
  if (!witness) return undefined;
  const found = Object.entries(KNOWN_SDK_WITNESSES).find(([, known]) => known.hash === witness.hash.toLowerCase() && known.size === witness.size);
  return found?.[0];
}
