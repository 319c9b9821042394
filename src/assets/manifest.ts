import * as v from 'valibot';

/** One file of `<lib>/av/manifest.json`: `{hash, size, path, type}` keyed by the path under `av/`. */
export interface ManifestEntry {
  hash: string;
  size: number;
}

export type AssetManifest = Readonly<Record<string, ManifestEntry>>;

// Only the fields we rely on are required; extra fields (path, type, anything Zoom adds later) pass through.
const entrySchema = v.looseObject({
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/i)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const manifestSchema = v.pipe(
  v.record(v.string(), entrySchema),
  v.check((record) => Object.keys(record).length > 0, 'empty manifest'), // l10n-ignore: read by the code, never shown
);

/** The manifest when `json` has its shape, else undefined (an HTML error page parsed as JSON, `{}`, ...). */
export function parseManifest(json: unknown): AssetManifest | undefined {
  const result = v.safeParse(manifestSchema, json);
  if (!result.success) return undefined;
  const manifest: Record<string, ManifestEntry> = {};
  for (const [path, entry] of Object.entries(result.output)) manifest[path] = { hash: entry.hash, size: entry.size };
  return manifest;
}

/** URL of the manifest for a `dist/lib` URL (no trailing slash). */
export function manifestUrl(libUrl: string): string {
  return `${libUrl}/av/manifest.json`;
}
