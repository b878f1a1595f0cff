const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses "90", "30s", "5m", "1h", "1d" into seconds; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  if (!m) return undefined;
  const seconds = Number(m[1]) * (UNITS[(m[2] || 's').toLowerCase()] ?? 1);
  return seconds > 0 && Number.isFinite(seconds) ? Math.round(seconds) : undefined;
}
